"""The security-key runner (`services.security_keys`): the touch runs in its own thread without
importing anything, the UI thread stays free, cancel stops the key, a PIN is asked on the UI
thread, and "no key" / "no permission" are told apart (`security_key_devices.diagnose`).

The WebAuthn client here is a stand-in for the USB device's behaviour (waiting for a touch,
asking for a PIN); the ceremonies against the pool run with the software authenticator in
tests/ui/test_passkeys_flows.py."""

from __future__ import annotations

import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from fido2.client import ClientError
from fido2.ctap import CtapError

from authing_desktop.services.security_key_devices import diagnose
from authing_desktop.services.security_key_errors import KeyProblem, SecurityKeyError
from authing_desktop.services.security_keys import KEY_THREAD_NAME, Interaction, SecurityKeys
from authing_desktop.services.warm_up import WarmUp
from tests.fixtures.app_services import drive
from tests.flows.import_watch import ImportWatch

# A FIDO HID report descriptor (usage page 0xF1D0, 64-byte reports), as sysfs shows it.
FIDO_DESCRIPTOR = bytes.fromhex(
    "06d0f10901a1010920150026ff007508954081020921150026ff00750895409102c0")
KEYBOARD_DESCRIPTOR = bytes.fromhex("05010906a101050719e029e71500250175019508810295017508"
                                    "8101c0")

OPTIONS = {
    "challenge": "AAAAAAAAAAAAAAAAAAAAAA", "rp": {"id": "localhost", "name": "pool"},
    "user": {"id": "dXNlcg", "name": "u", "displayName": "u"},
    "pubKeyCredParams": [{"type": "public-key", "alg": -7}], "timeout": 60000,
}
REQUEST = {"challenge": "AAAAAAAAAAAAAAAAAAAAAA", "rpId": "localhost", "timeout": 60000}
ANSWER = {"id": "cred", "rawId": "cred", "type": "public-key",
          "response": {"attestationObject": "att", "clientDataJSON": "cdj"}}


class WaitingKey:
    """Behaves like a key nobody touches: waits until the ceremony's event is set."""

    def __init__(self, origin: str, interaction: Interaction) -> None:
        self.origin = origin
        self.interaction = interaction
        self.started = threading.Event()
        self.event: threading.Event | None = None
        self.thread = ""

    def make_credential(self, options: Any, event: threading.Event | None = None) -> Any:
        self.thread = threading.current_thread().name
        self.event = event
        self.interaction.prompt_up()
        self.started.set()
        assert event is not None
        event.wait(10)
        raise ClientError(ClientError.ERR.TIMEOUT)

    def get_assertion(self, options: Any, event: threading.Event | None = None) -> Any:
        raise ClientError(ClientError.ERR.DEVICE_INELIGIBLE)


class PinKey(WaitingKey):
    """A key with a PIN: asks for it, answers when it is right."""

    pin = ""

    def make_credential(self, options: Any, event: threading.Event | None = None) -> Any:
        self.pin = self.interaction.request_pin(None, "localhost") or ""
        if not self.pin:
            raise ClientError(ClientError.ERR.BAD_REQUEST, "PIN required")
        if self.pin != "4321":
            raise ClientError(ClientError.ERR.BAD_REQUEST, CtapError(CtapError.ERR.PIN_INVALID))
        return _Mappingish(ANSWER)


class _Mappingish(Mapping[str, Any]):
    """python-fido2's responses are Mappings, not dicts."""

    def __init__(self, data: dict[str, Any]) -> None:
        self._data = data

    def __getitem__(self, key: str) -> Any:
        value = self._data[key]
        return _Mappingish(value) if isinstance(value, dict) else value

    def __iter__(self) -> Any:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)


class Pins:
    def __init__(self, answer: str | None) -> None:
        self.answer = answer
        self.asked_on: list[str] = []

    async def ask_pin(self) -> str | None:
        self.asked_on.append(threading.current_thread().name)
        return self.answer


@pytest.fixture
def warm_up(qapp: Any, qloop: Any) -> WarmUp:
    return WarmUp(interval_ms=0)


def _keys(warm_up: WarmUp, kind: type[WaitingKey]) -> tuple[SecurityKeys, list[WaitingKey]]:
    made: list[WaitingKey] = []

    def factory(origin: str, interaction: Interaction) -> WaitingKey:
        made.append(kind(origin, interaction))
        return made[-1]

    return SecurityKeys(warm_up, client_factory=factory), made


def test_the_touch_waits_in_its_own_thread_and_cancel_stops_it(qtbot: Any,
                                                                 warm_up: WarmUp) -> None:
    keys, made = _keys(warm_up, WaitingKey)
    async def load() -> None:
        await keys.load()

    drive(qtbot, load())  # python-fido2 loads through the warm-up first
    touched: list[str] = []
    watch = ImportWatch()
    watch.worker_busy = lambda: warm_up.worker_busy
    watch.start()
    import asyncio

    task = asyncio.get_running_loop().create_task(keys.create(
        OPTIONS, "http://localhost:1", on_touch=lambda: touched.append(
            threading.current_thread().name)))
    qtbot.waitUntil(lambda: bool(made) and made[0].started.is_set())
    qtbot.waitUntil(lambda: bool(touched))
    assert keys.busy
    assert made[0].thread.startswith(KEY_THREAD_NAME)
    assert touched == [threading.main_thread().name]  # told on the UI thread
    assert made[0].origin == "http://localhost:1"
    task.cancel()
    qtbot.waitUntil(task.done)
    qtbot.waitUntil(lambda: made[0].event is not None and made[0].event.is_set())
    watch.stop()
    assert task.cancelled()
    assert not keys.busy
    assert watch.breaches().count == 0, watch.breaches().summary()
    drive(qtbot, keys.aclose())


def test_cancel_from_the_ui_says_stopped(qtbot: Any, warm_up: WarmUp) -> None:
    keys, made = _keys(warm_up, WaitingKey)
    import asyncio

    async def run() -> str:
        try:
            await keys.create(OPTIONS, "http://localhost:1")
        except SecurityKeyError as error:
            return error.problem.value
        return "done"

    task = asyncio.get_running_loop().create_task(run())
    qtbot.waitUntil(lambda: bool(made) and made[0].started.is_set())
    keys.cancel()
    qtbot.waitUntil(task.done)
    assert task.result() == KeyProblem.CANCELLED.value
    drive(qtbot, keys.aclose())


def test_a_pin_is_asked_on_the_ui_thread_and_a_wrong_one_is_said(qtbot: Any,
                                                                 warm_up: WarmUp) -> None:
    keys, made = _keys(warm_up, PinKey)
    pins = Pins("4321")
    answer = drive(qtbot, keys.create(OPTIONS, "http://localhost:1", pin=pins))
    assert answer == ANSWER and isinstance(answer["response"], dict)
    assert pins.asked_on == [threading.main_thread().name]

    with pytest.raises(SecurityKeyError) as wrong:
        drive(qtbot, keys.create(OPTIONS, "http://localhost:1", pin=Pins("0000")))
    assert wrong.value.problem is KeyProblem.PIN_WRONG
    assert "PIN was wrong" in str(wrong.value)

    with pytest.raises(SecurityKeyError) as refused:
        drive(qtbot, keys.create(OPTIONS, "http://localhost:1", pin=Pins(None)))
    assert refused.value.problem is KeyProblem.PIN_REFUSED

    with pytest.raises(SecurityKeyError) as unknown:
        drive(qtbot, keys.get(REQUEST, "http://localhost:1"))
    assert unknown.value.problem is KeyProblem.NOT_REGISTERED
    assert "not registered" in str(unknown.value)
    drive(qtbot, keys.aclose())


def _hidraw(tmp_path: Path, descriptor: bytes) -> tuple[str, Path]:
    dev = tmp_path / "dev"
    dev.mkdir()
    (dev / "hidraw0").write_bytes(b"")
    device = tmp_path / "sys" / "hidraw0" / "device"
    device.mkdir(parents=True)
    (device / "report_descriptor").write_bytes(descriptor)
    return str(dev / "hidraw*"), tmp_path / "sys"


def test_a_closed_fido_device_means_the_udev_permission_is_missing(tmp_path: Path) -> None:
    nodes, sysfs = _hidraw(tmp_path, FIDO_DESCRIPTOR)
    assert diagnose(nodes, sysfs, can_open=lambda _p: False) is KeyProblem.NO_PERMISSION
    assert diagnose(nodes, sysfs, can_open=lambda _p: True) is KeyProblem.NO_KEY
    text = str(SecurityKeyError(KeyProblem.NO_PERMISSION))
    assert "udev rule" in text and "plugdev" in text


def test_a_closed_keyboard_or_nothing_plugged_in_means_no_key(tmp_path: Path) -> None:
    nodes, sysfs = _hidraw(tmp_path, KEYBOARD_DESCRIPTOR)
    assert diagnose(nodes, sysfs, can_open=lambda _p: False) is KeyProblem.NO_KEY
    assert diagnose(str(tmp_path / "none*"), sysfs) is KeyProblem.NO_KEY
    assert "No security key was found" in str(SecurityKeyError(KeyProblem.NO_KEY))
