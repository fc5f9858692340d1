"""Smoke test of the frozen bundle (dist/authing-desktop/authing-desktop).

    .venv/bin/python packaging/smoke_test.py [--binary PATH]

Checks, in order (each prints one line; the first failure ends the run with exit code 1):

1. bundle contents: modules the app only reaches at run time (keyring backends and their D-Bus
   stack, uvicorn's loop/protocol, phonenumbers' region metadata, ...) are in the archive, the
   data files are there (translations, icons, the pool's GraphQL schema, keyring's entry
   points), and what the spec filters out (GTK, unshipped Qt translations) is not;
2. ``pool serve`` frozen: the ready line, ``GET /api/v2/.well-known``, then a GraphQL
   registerByUsername + loginByUsername round trip (argon2, RSA, sqlite, starlette, graphql-core
   all run frozen); the pool keeps running during 3;
3. ``--smoke-test`` (offscreen) in English and in Chinese: exit code 0, exactly one JSON line
   with the package's version and ``ok: true``, the same keyring backend as the unfrozen
   interpreter finds (and Secret Service when ``REQUIRE_SECRET_SERVICE=1``, as scripts/run-tests
   sets; never keyring's fail backend when a D-Bus session exists), and nothing on stderr
   outside `STDERR_WHITELIST`. On failure the run is repeated with ``--debug`` and its output
   shown;
4. single instance frozen: a second launch with the same ``--basedir`` hands over to the first
   (``--instance-events``: primary, secondary, raised), which then stops cleanly on SIGTERM.

Run it in the test command's environment (a D-Bus session with an unlocked gnome-keyring), e.g.
``AUTHING_DESKTOP_FROZEN=1 scripts/run-tests tests/test_frozen.py``.
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import json
import os
import re
import selectors
import signal
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BINARY = ROOT / "dist" / "authing-desktop" / "authing-desktop"
FAIL_BACKEND = "keyring.backends.fail.Keyring"
SECRET_SERVICE_BACKEND = "keyring.backends.SecretService.Keyring"  # noqa: S105 - a class name
POOL_READY_TIMEOUT_S = 30.0
GUI_TIMEOUT_S = 60.0

# stderr lines of the GUI that are known and harmless (qutebrowser's approach: anything else
# fails the test, so new warnings get looked at).
STDERR_WHITELIST = [
    # Offscreen platform noise: it has no window manager (propagateSizeHints, raise, ...);
    # direct from Qt or through the app's Qt log handler.
    re.compile(r"^(WARNING authing_desktop\.qt: )?This plugin does not support \w+\(\)$"),
]
# The pool logs INFO lines to stderr ("<date> <time> INFO authing_desktop.localpool...: ...").
POOL_STDERR_OK = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} INFO ")

# Modules found only at run time (dynamic imports), by platform; see authing_desktop.spec.
REQUIRED_MODULES = [
    "authing_desktop.app", "authing_desktop.localpool.server",
    "keyring.backends.SecretService", "keyring.backends.fail", "keyring.backends.chainer",
    "secretstorage", "secretstorage.dhcrypto", "jeepney.io.blocking",
    "uvicorn.loops.asyncio", "uvicorn.protocols.http.h11_impl", "uvicorn.lifespan.off",
    "phonenumbers.data.region_CN", "phonenumbers.data.region_US",
    "phonenumbers.shortdata.region_CN",
    "zxcvbn.frequency_lists", "email_validator", "ldap3", "graphql", "starlette.applications",
    "jwt", "argon2", "qasync", "httpx",
]
REQUIRED_FILES = [
    "_internal/resources/i18n/authing_desktop_en.qm",
    "_internal/resources/i18n/authing_desktop_zh_CN.qm",
    "_internal/resources/icons/authing-desktop-256.png",
    "_internal/authing_desktop/localpool/schema.graphql",
    "_internal/authing_desktop/localpool/management.graphql",
    "_internal/PySide6/Qt/translations/qtbase_zh_CN.qm",
    "_internal/PySide6/Qt/plugins/platforms/libqxcb.so",
    "_internal/PySide6/Qt/plugins/platforms/libqoffscreen.so",
    "_internal/_argon2_cffi_bindings/_ffi.abi3.so",
]
FORBIDDEN_FILES = [
    re.compile(r"libqgtk3\.so$"), re.compile(r"(^|/)libgtk-3\.so"),
    re.compile(r"PySide6/Qt/translations/(?!qtbase_(en|zh_CN)\.qm$)"),
    re.compile(r"(^|/)resources/.*\.ts$"),
    re.compile(r"phonenumbers/geodata"),
]


class SmokeTestError(Exception):
    """A check failed; the message says which and why."""


def say(text: str) -> None:
    print(f"[smoke] {text}", flush=True)


def frozen_env(home: Path) -> dict[str, str]:
    """The caller's environment (its D-Bus session and keyring), offscreen, with throwaway
    config/data dirs unless the caller already redirected them."""
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.pop("PYTHONPATH", None)  # the bundle must not see the checkout's sources
    for name in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env.setdefault(name, str(home / name.lower()))
    return env


# ------------------------------------------------------------------------------ 1. contents


def archive_modules(binary: Path) -> set[str]:
    """Module names in the executable's embedded PYZ archive."""
    from PyInstaller.archive.readers import CArchiveReader, ZlibArchiveReader

    executable = CArchiveReader(str(binary))
    names = [name for name in executable.toc if name.endswith(".pyz")]
    if not names:
        raise SmokeTestError(f"{binary} has no PYZ archive")
    with tempfile.TemporaryDirectory() as temp:
        pyz = Path(temp) / "bundle.pyz"
        pyz.write_bytes(executable.extract(names[0]))
        return set(ZlibArchiveReader(str(pyz)).toc)


def check_contents(binary: Path) -> None:
    bundle = binary.parent
    modules = archive_modules(binary)
    missing = [name for name in REQUIRED_MODULES if name not in modules]
    if missing:
        raise SmokeTestError(f"modules missing from the archive: {', '.join(missing)}")
    absent = [name for name in REQUIRED_FILES if not (bundle / name).is_file()]
    if not list(bundle.glob("_internal/keyring-*.dist-info/entry_points.txt")):
        absent.append("_internal/keyring-*.dist-info/entry_points.txt")
    if absent:
        raise SmokeTestError(f"files missing from the bundle: {', '.join(absent)}")
    files = [path.relative_to(bundle).as_posix() for path in bundle.rglob("*")]
    unwanted = sorted(name for name in files if any(p.search(name) for p in FORBIDDEN_FILES))
    if unwanted:
        raise SmokeTestError(f"filtered files came back: {', '.join(unwanted[:10])}")
    say(f"contents OK: {len(modules)} modules, {len(files)} files, "
        f"{len(REQUIRED_MODULES)} run-time imports present, no GTK/unshipped translations")


# ------------------------------------------------------------------------------ 2. pool


@dataclass
class FrozenPool:
    """A `pool serve` process of the bundle and its ready line."""

    url: str
    user_pool_id: str
    app_id: str
    public_key: str
    process: subprocess.Popen[str]
    stderr_path: Path


@contextlib.contextmanager
def frozen_pool(binary: Path, data_dir: Path, env: dict[str, str]) -> Iterator[FrozenPool]:
    """Start ``<binary> pool serve`` on a free loopback port; stop it (SIGTERM) afterwards and
    check it exited cleanly with nothing but INFO lines on stderr."""
    data_dir.mkdir(parents=True, exist_ok=True)
    stderr_path = data_dir.parent / "pool-stderr.log"
    command = [str(binary), "pool", "serve", "--host", "127.0.0.1", "--port", "0",
               "--data-dir", str(data_dir), "--demo"]
    with stderr_path.open("w") as stderr:
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=stderr, text=True,
                                   env=env)
    try:
        ready = _ready_line(process, stderr_path)
        pool = FrozenPool(url=ready["url"], user_pool_id=ready["user_pool_id"],
                          app_id=ready["app_id"], public_key=ready["public_key"],
                          process=process, stderr_path=stderr_path)
        yield pool
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(5)
        if process.stdout:
            process.stdout.close()
    if process.returncode != 0:
        raise SmokeTestError(f"frozen pool exited with {process.returncode} on SIGTERM: "
                             f"{stderr_path.read_text()[-3000:]}")
    bad = [line for line in stderr_path.read_text().splitlines()
           if line and not POOL_STDERR_OK.match(line)]
    if bad:
        raise SmokeTestError("unexpected pool stderr:\n" + "\n".join(bad[:40]))
    say("pool stopped cleanly on SIGTERM (exit 0, only INFO lines on stderr)")


def _ready_line(process: subprocess.Popen[str], stderr_path: Path) -> dict[str, Any]:
    assert process.stdout is not None
    selector = selectors.DefaultSelector()
    selector.register(process.stdout, selectors.EVENT_READ)
    try:
        if not selector.select(POOL_READY_TIMEOUT_S):
            raise SmokeTestError(f"frozen pool not ready in {POOL_READY_TIMEOUT_S:.0f} s: "
                                 f"{stderr_path.read_text()[-3000:]}")
    finally:
        selector.close()
    line = process.stdout.readline()
    try:
        ready = json.loads(line)
    except json.JSONDecodeError as exc:
        process.wait(5)
        raise SmokeTestError(f"frozen pool printed {line!r} instead of its ready line "
                             f"(exit {process.returncode}): "
                             f"{stderr_path.read_text()[-3000:]}") from exc
    if ready.get("event") != "ready" or not str(ready.get("url", "")).startswith("http://"):
        raise SmokeTestError(f"unexpected ready line: {line!r}")
    return dict(ready)


def _encrypt(public_key_pem: str, password: str) -> str:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import padding, rsa

    key = serialization.load_pem_public_key(public_key_pem.encode())
    if not isinstance(key, rsa.RSAPublicKey):
        raise SmokeTestError("the pool's public key is not RSA")
    return base64.b64encode(key.encrypt(password.encode(), padding.PKCS1v15())).decode()


def _graphql(client: httpx.Client, pool: FrozenPool, query: str,
             variables: dict[str, Any]) -> dict[str, Any]:
    response = client.post(
        f"{pool.url}/graphql/v2", json={"query": query, "variables": variables},
        headers={"x-authing-userpool-id": pool.user_pool_id, "x-authing-app-id": pool.app_id})
    if response.status_code != 200:
        raise SmokeTestError(f"GraphQL HTTP {response.status_code}: {response.text[:500]}")
    body = response.json()
    if body.get("errors") or not isinstance(body.get("data"), dict):
        raise SmokeTestError(f"GraphQL error: {json.dumps(body)[:500]}")
    data: dict[str, Any] = next(iter(body["data"].values()))
    return data


def check_pool(pool: FrozenPool) -> None:
    with httpx.Client(timeout=30) as client:
        well_known = client.get(f"{pool.url}/api/v2/.well-known")
        body = well_known.json()
        if well_known.status_code != 200 or body.get("code") != 200 \
                or body.get("publicKey") != pool.public_key:
            raise SmokeTestError(f".well-known: HTTP {well_known.status_code} "
                                 f"{well_known.text[:300]}")
        username = f"smoke{uuid.uuid4().hex[:10]}"
        password = f"Smoke-{uuid.uuid4().hex[:8]}"  # noqa: S105 - throwaway test account
        registered = _graphql(client, pool, (
            "mutation registerByUsername($input: RegisterByUsernameInput!) {"
            " registerByUsername(input: $input) { id username token } }"),
            {"input": {"username": username, "password": _encrypt(pool.public_key, password),
                       "forceLogin": False}})
        if registered.get("username") != username or not registered.get("id"):
            raise SmokeTestError(f"registerByUsername returned {registered!r}")
        logged_in = _graphql(client, pool, (
            "mutation loginByUsername($input: LoginByUsernameInput!) {"
            " loginByUsername(input: $input) { id username token } }"),
            {"input": {"username": username, "password": _encrypt(pool.public_key, password)}})
        if logged_in.get("id") != registered["id"] or not logged_in.get("token"):
            raise SmokeTestError("loginByUsername did not return the registered user's token")
    say(f"pool OK: {pool.url} ready, .well-known served the key, register + login round trip")


# ------------------------------------------------------------------------------ 3. GUI


@dataclass
class GuiRun:
    """One run of the frozen GUI."""

    returncode: int
    stdout: str
    stderr: str


def run_gui(binary: Path, basedir: Path, env: dict[str, str], *extra: str) -> GuiRun:
    command = [str(binary), "--smoke-test", "--basedir", str(basedir), *extra]
    try:
        result = subprocess.run(command, capture_output=True, text=True, env=env,
                                timeout=GUI_TIMEOUT_S, check=False)
    except subprocess.TimeoutExpired as exc:
        raise SmokeTestError(f"{' '.join(command)} did not finish in {GUI_TIMEOUT_S:.0f} s") \
            from exc
    return GuiRun(result.returncode, result.stdout, result.stderr)


def unfrozen_backend(env: dict[str, str]) -> str:
    """The keyring backend the unfrozen app finds in ``env`` (what `KeyringTokenStore` asks)."""
    code = ("import keyring; b = keyring.get_keyring(); "
            "print(type(b).__module__ + '.' + type(b).__qualname__)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env=env, timeout=60, check=False)
    if result.returncode != 0:
        raise SmokeTestError(f"unfrozen keyring lookup failed: {result.stderr[-1000:]}")
    return result.stdout.strip()


def expected_backend(env: dict[str, str]) -> str | None:
    """The backend the frozen app must find besides "the unfrozen one": Secret Service where
    the test command demands it, at least "not the fail backend" in any D-Bus session."""
    if env.get("REQUIRE_SECRET_SERVICE") == "1":
        return SECRET_SERVICE_BACKEND
    if env.get("DBUS_SESSION_BUS_ADDRESS"):
        return "not-fail"
    return None


def check_gui_output(run: GuiRun, env: dict[str, str],
                     whitelist: list[re.Pattern[str]]) -> dict[str, Any]:
    from authing_desktop import __version__

    if run.returncode != 0:
        raise SmokeTestError(f"--smoke-test exited with {run.returncode}")
    lines = [line for line in run.stdout.splitlines() if line.strip()]
    if len(lines) != 1:
        raise SmokeTestError(f"expected exactly one stdout line, got {lines!r}")
    try:
        report = json.loads(lines[0])
    except json.JSONDecodeError as exc:
        raise SmokeTestError(f"stdout is not JSON: {lines[0]!r}") from exc
    if set(report) < {"version", "qt", "keyring_backend", "ok"}:
        raise SmokeTestError(f"JSON line lacks keys: {report!r}")
    if report["ok"] is not True or report["version"] != __version__:
        raise SmokeTestError(f"unexpected report (package version {__version__}): {report!r}")
    if not re.fullmatch(r"6\.\d+\.\d+", str(report["qt"])):
        raise SmokeTestError(f"unexpected Qt version: {report['qt']!r}")
    want = expected_backend(env)
    backend = report["keyring_backend"]
    if want == "not-fail" and backend == FAIL_BACKEND:
        raise SmokeTestError(f"the frozen app fell back to {FAIL_BACKEND} in a D-Bus session")
    if want not in (None, "not-fail") and backend != want:
        raise SmokeTestError(f"keyring backend {backend!r}, expected {want!r}")
    unfrozen = unfrozen_backend(env)
    if backend != unfrozen:
        raise SmokeTestError(f"frozen keyring backend {backend!r} differs from the unfrozen "
                             f"one {unfrozen!r}")
    unexpected = [line for line in run.stderr.splitlines()
                  if line.strip() and not any(p.search(line) for p in whitelist)]
    if unexpected:
        raise SmokeTestError("unexpected stderr:\n" + "\n".join(unexpected[:40]))
    return dict(report)


# Qt's complaint when the requested locale is not installed (falls back to C.UTF-8).
LOCALE_FALLBACK_WARNING = [
    re.compile(r'^Detected locale "C" with character encoding "[^"]+", which is not UTF-8\.$'),
    re.compile(r"^Qt depends on a UTF-8 locale, and has switched to \"C\.UTF-8\" instead\.$"),
    re.compile(r"^If this causes problems, reconfigure your locale\. See the locale\(1\) manual$"),
    re.compile(r"^for more information\.$"),
]


def locale_env(work: Path, language: str) -> tuple[dict[str, str], bool]:
    """Environment for running under ``language`` (e.g. ``zh_CN.UTF-8``), compiling the locale
    into a private LOCPATH when the system lacks it; and whether that worked."""
    env = {"LANG": language, "LC_ALL": language, "LANGUAGE": ""}
    if language.startswith("C."):
        return env, True
    installed = subprocess.run(["locale", "-a"], capture_output=True, text=True, check=False)
    wanted = language.lower().replace("utf-8", "utf8")
    if wanted in installed.stdout.lower().split():
        return env, True
    locpath = work / "locale"
    locpath.mkdir(exist_ok=True)
    name, _, charset = language.partition(".")
    try:
        built = subprocess.run(["localedef", "-i", name, "-f", charset or "UTF-8",
                                str(locpath / language)], capture_output=True, check=False,
                               timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return env, False
    if built.returncode not in (0, 1):  # 1 = warnings only
        return env, False
    return {**env, "LOCPATH": str(locpath)}, True


def check_gui(binary: Path, work: Path, env: dict[str, str], language: str) -> None:
    extra_env, locale_ok = locale_env(work, language)
    gui_env = {**env, **extra_env}
    whitelist = STDERR_WHITELIST if locale_ok else STDERR_WHITELIST + LOCALE_FALLBACK_WARNING
    basedir = work / f"app-{language.split('.')[0]}"
    run = run_gui(binary, basedir, gui_env)
    try:
        report = check_gui_output(run, gui_env, whitelist)
    except SmokeTestError as error:
        print(f"--- stdout ---\n{run.stdout}--- stderr ---\n{run.stderr}", file=sys.stderr)
        say(f"GUI smoke test failed ({error.__class__.__name__}); rerunning with --debug")
        debug = run_gui(binary, work / "app-debug", gui_env, "--debug")
        print(f"--- --debug exit {debug.returncode} ---\n--- stdout ---\n{debug.stdout}"
              f"--- stderr ---\n{debug.stderr}", file=sys.stderr)
        raise
    note = "" if locale_ok else " (locale not installed: Qt's fallback warning allowed)"
    say(f"GUI OK ({language}{note}): {json.dumps(report)}")


def _read_json_line(process: subprocess.Popen[str], timeout: float) -> dict[str, Any] | None:
    """The next JSON object line on the process's stdout, or None at EOF/timeout."""
    assert process.stdout is not None
    selector = selectors.DefaultSelector()
    selector.register(process.stdout, selectors.EVENT_READ)
    try:
        while selector.select(timeout):
            line = process.stdout.readline()
            if not line:
                return None
            if line.startswith("{"):
                return dict(json.loads(line))
    finally:
        selector.close()
    return None


def check_single_instance(binary: Path, work: Path, env: dict[str, str]) -> None:
    """A second frozen launch hands over to the first (QLocalServer/QLocalSocket frozen)."""
    basedir = work / "app-instance"
    command = [str(binary), "--instance-events", "--no-local-pool", "--basedir", str(basedir)]
    stderr_path = work / "instance-first-stderr.log"
    with stderr_path.open("w") as stderr:
        first = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=stderr, text=True,
                                 env=env)
    try:
        event = _read_json_line(first, GUI_TIMEOUT_S)
        if event != {"instance": "primary"}:
            raise SmokeTestError(f"first launch said {event!r}, expected primary: "
                                 f"{stderr_path.read_text()[-2000:]}")
        second = subprocess.run(command, capture_output=True, text=True, env=env,
                                timeout=GUI_TIMEOUT_S, check=False)
        if second.returncode != 0 or '{"instance": "secondary"}' not in second.stdout:
            raise SmokeTestError(f"second launch (exit {second.returncode}) did not hand over: "
                                 f"{second.stdout!r} {second.stderr[-2000:]!r}")
        event = _read_json_line(first, 10)
        if event != {"instance": "raised"}:
            raise SmokeTestError(f"first launch said {event!r} after the second, expected raised")
    finally:
        if first.poll() is None:
            first.send_signal(signal.SIGTERM)
            try:
                first.wait(15)
            except subprocess.TimeoutExpired:
                first.kill()
                first.wait(5)
        if first.stdout:
            first.stdout.close()
    if first.returncode != 0:
        raise SmokeTestError(f"first launch exited with {first.returncode} on SIGTERM: "
                             f"{stderr_path.read_text()[-2000:]}")
    unexpected = [line for line in stderr_path.read_text().splitlines()
                  if line.strip() and not any(p.search(line) for p in STDERR_WHITELIST)]
    if unexpected:
        raise SmokeTestError("unexpected stderr of the first launch:\n" + "\n".join(unexpected))
    say("single instance OK: a second launch raised the first and exited 0")


# ------------------------------------------------------------------------------ main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", type=Path, default=DEFAULT_BINARY,
                        help=f"the frozen executable (default {DEFAULT_BINARY.relative_to(ROOT)})")
    options = parser.parse_args(argv)
    binary = options.binary.resolve()
    if not binary.is_file():
        say(f"{binary} does not exist: run packaging/build first")
        return 1
    try:
        with tempfile.TemporaryDirectory(prefix="frozen-smoke-") as temp:
            work = Path(temp)
            env = frozen_env(work)
            check_contents(binary)
            with frozen_pool(binary, work / "pool", env) as pool:
                check_pool(pool)
                # The GUI runs while the frozen pool serves (two frozen processes at once).
                check_gui(binary, work, env, "C.UTF-8")
                check_gui(binary, work, env, "zh_CN.UTF-8")
                check_single_instance(binary, work, env)
    except SmokeTestError as error:
        say(f"FAILED: {error}")
        return 1
    say("passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
