"""Sign-in load against the embedded pool while the GUI runs: 20 clients, 200 concurrent
sign-ins.

The load generator is a separate process (``python -m tests.flows.load``: async httpx clients
through the app's own `AuthenticationClient`), like other apps signing in to the pool; the pool
runs as the app runs it (its own process, started by the app's `PoolLauncher`), so what
competes with the UI thread is the machine's CPUs, not this process's GIL. It reads
one JSON line (the pool's endpoint), registers its users, prints ``{"event": "ready"}``, waits
for a line on stdin, then runs the sign-ins and prints the result as one JSON line.

`measure_load` starts the embedded pool (the app's `PoolLauncher`), shows the main window on
it, and measures the UI-thread stall
(`Heartbeat`) while the load runs; the load test and the benchmark both use it.
"""

from __future__ import annotations

import asyncio
import json
import os
import queue
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path
from typing import Any

CLIENTS = 20
SIGN_INS = 200
PASSWORD = "Load-Passw0rd-1"
ROOT = Path(__file__).resolve().parents[2]


# ------------------------------------------------------------------ the load generator


async def _generate(endpoint: dict[str, str], clients: int, sign_ins: int) -> dict[str, Any]:
    from authing_desktop.api.client import AuthenticationClient
    from authing_desktop.api.profile import ConnectionProfile

    profile = ConnectionProfile(host=endpoint["url"], user_pool_id=endpoint["user_pool_id"],
                                app_id=endpoint["app_id"], public_key=endpoint["public_key"],
                                lang="en-US", read_timeout=60.0)
    pool = [AuthenticationClient(profile) for _ in range(clients)]
    tag = uuid.uuid4().hex[:8]
    emails = [f"load{tag}-{n}@example.com" for n in range(clients)]
    try:
        await asyncio.gather(*(client.register_by_email(email, PASSWORD)
                               for client, email in zip(pool, emails, strict=True)))
        print(json.dumps({"event": "ready"}), flush=True)
        await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)
        failures: list[str] = []

        async def sign_in(client: AuthenticationClient, email: str) -> None:
            try:
                user = await client.login_by_email(email, PASSWORD)
                if not user.token:
                    failures.append("no token")
            except Exception as error:  # noqa: BLE001 - counted, not fatal
                failures.append(type(error).__name__)

        started = time.perf_counter()
        await asyncio.gather(*(sign_in(pool[n % clients], emails[n % clients])
                               for n in range(sign_ins)))
        elapsed = time.perf_counter() - started
        return {"event": "done", "sign_ins": sign_ins, "failures": len(failures),
                "failure_kinds": sorted(set(failures)), "load_s": elapsed}
    finally:
        for client in pool:
            await client.aclose()


def main() -> int:
    # These clients stand in for other machines: they must not take the CPU from the window
    # being measured the way 20 busy local processes would.
    if hasattr(os, "nice"):
        os.nice(10)
    endpoint = json.loads(sys.stdin.readline())
    result = asyncio.run(_generate(endpoint, int(endpoint.get("clients", CLIENTS)),
                                   int(endpoint.get("sign_ins", SIGN_INS))))
    print(json.dumps(result), flush=True)
    return 0


# ------------------------------------------------------------------ the GUI side


class LoadProcess:
    """The generator process; its stdout lines arrive in a queue (read by a thread)."""

    def __init__(self, endpoint: Any, workdir: Path, clients: int = CLIENTS,
                 sign_ins: int = SIGN_INS) -> None:
        self.stderr_path = workdir / "load-stderr.log"
        with self.stderr_path.open("w") as stderr:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "tests.flows.load"], cwd=ROOT, stdin=subprocess.PIPE,
                stdout=subprocess.PIPE, stderr=stderr, text=True)
        self.lines: queue.Queue[dict[str, Any]] = queue.Queue()
        self._reader = threading.Thread(target=self._read, daemon=True, name="load-reader")
        self._reader.start()
        self._send({"url": endpoint.url, "user_pool_id": endpoint.user_pool_id,
                    "app_id": endpoint.app_id, "public_key": endpoint.public_key,
                    "clients": clients, "sign_ins": sign_ins})

    def _send(self, value: Any) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps(value) + "\n")
        self.process.stdin.flush()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            if line.startswith("{"):
                self.lines.put(json.loads(line))

    def go(self) -> None:
        self._send("go")

    def close(self) -> str:
        """Wait for the process; its stderr (for failure messages)."""
        if self.process.stdin is not None:
            self.process.stdin.close()
        try:
            self.process.wait(30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(5)
        self._reader.join(5)
        if self.process.stdout is not None:
            self.process.stdout.close()
        return self.stderr_path.read_text(errors="replace")


def measure_load(workdir: Path, *, clients: int = CLIENTS,
                 sign_ins: int = SIGN_INS) -> dict[str, Any]:
    """Window up on the embedded pool; the UI-thread stall while the load runs."""
    from authing_desktop.services.app_paths import AppPaths
    from authing_desktop.services.bus import MessageBus
    from authing_desktop.services.pool_launcher import PoolLauncher
    from authing_desktop.services.token_store import MemoryTokenStore
    from authing_desktop.ui.main_window import MainWindow
    from tests.flows.full_flow import Driver, make_services
    from tests.flows.heartbeat import Heartbeat

    driver = Driver()
    launcher = PoolLauncher(workdir / "pool", MessageBus())
    pool = driver.run(launcher.start(), timeout_ms=60_000)
    assert pool is not None, "the embedded pool did not start"
    services = make_services(AppPaths.under(workdir / "app"), pool, MemoryTokenStore())
    window = MainWindow(services)
    window.show()
    load: LoadProcess | None = None
    heartbeat = Heartbeat()
    try:
        driver.wait_until(lambda: window.painted, what="first paint")
        driver.run(services.connection.wait_ready())
        load = LoadProcess(pool, workdir, clients, sign_ins)
        lines = load.lines
        driver.wait_until(lambda: not lines.empty(), timeout_ms=60_000, what="users registered")
        ready = lines.get()
        assert ready.get("event") == "ready", ready
        heartbeat.start()
        heartbeat.mark("load")
        load.go()
        driver.wait_until(lambda: not lines.empty(), timeout_ms=120_000, what="load finished")
        heartbeat.stop()
        result = lines.get()
        # The UI still answers: a queued call runs at once.
        ran: list[float] = []
        queued = time.perf_counter()
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, lambda: ran.append(time.perf_counter()))
        driver.wait_until(lambda: bool(ran), timeout_ms=1000, what="a queued call")
        report = heartbeat.report([])
        report.update(sign_ins=result["sign_ins"], failures=result["failures"],
                      failure_kinds=result["failure_kinds"], load_s=result["load_s"],
                      queued_call_ms=(ran[0] - queued) * 1000)
        return report
    finally:
        if load is not None:
            errors = load.close()
            if load.process.returncode != 0:
                raise RuntimeError(f"the load generator failed: {errors[-2000:]}")
        window.close()
        driver.run(services.aclose())
        driver.run(launcher.stop(), timeout_ms=15_000)


if __name__ == "__main__":
    sys.exit(main())
