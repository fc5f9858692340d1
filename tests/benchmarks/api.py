"""API layer benchmark: our client vs the official SDK vs a bare httpx.AsyncClient, and the
default asyncio loop vs the qasync loop, all in one run against one local pool.

    .venv/bin/python tests/benchmarks/api.py [--iterations 200] [--warmup 20]

Operations: login_by_username (GraphQL, the pool hashes the password), check_login_status
(GraphQL, no hashing: shows the client overhead) and get_current_user (REST users/me).
The SDK runs in its own venv (AUTHING_SDK_PYTHON) in one subprocess against the same pool,
which serves its real introspection. Prints medians, p90 and ratios.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
from cryptography.hazmat.primitives.asymmetric import padding  # noqa: E402

from authing_desktop.api import graphql_documents as gql  # noqa: E402
from authing_desktop.api.client import AuthenticationClient  # noqa: E402
from authing_desktop.api.password_encryption import load_public_key  # noqa: E402
from authing_desktop.api.profile import ConnectionProfile  # noqa: E402
from tests.fixtures.pool import RunningPool, start_pool  # noqa: E402

USERNAME, PASSWORD = "demo", "passw0rd"
SDK_PYTHON = os.environ.get("AUTHING_SDK_PYTHON") or str(ROOT / ".venv-sdk" / "bin" / "python")

SDK_SCRIPT = r"""
import json, sys, time
from authing.v2.authentication.authing import AuthenticationClient
from authing.v2.authentication.types import AuthenticationClientOptions
spec = json.load(sys.stdin)
client = AuthenticationClient(AuthenticationClientOptions(
    app_host=spec["url"], app_id=spec["app_id"], user_pool_id=spec["user_pool_id"],
    enc_public_key=spec["public_key"]))
ops = {
    "login": lambda: client.login_by_username(spec["username"], spec["password"]),
    "status": lambda: client.check_login_status(),
    "me": lambda: client.get_current_user(),
}
client.login_by_username(spec["username"], spec["password"])
samples = {name: [] for name in ops}
names = list(ops)
for i in range(spec["warmup"] + spec["iterations"]):
    order = names[i % len(names):] + names[:i % len(names)]
    for name in order:
        started = time.perf_counter()
        ops[name]()
        elapsed = time.perf_counter() - started
        if i >= spec["warmup"]:
            samples[name].append(elapsed * 1000)
json.dump(samples, sys.stdout)
"""

Op = Callable[[], Awaitable[Any]]


def run_sdk(pool: RunningPool, iterations: int, warmup: int) -> dict[str, list[float]]:
    spec = {"url": pool.url, "app_id": pool.app_id, "user_pool_id": pool.user_pool_id,
            "public_key": pool.public_key, "username": USERNAME, "password": PASSWORD,
            "iterations": iterations, "warmup": warmup}
    done = subprocess.run([SDK_PYTHON, "-c", SDK_SCRIPT], input=json.dumps(spec), text=True,
                          capture_output=True, check=False, timeout=3600)
    if done.returncode != 0:
        raise SystemExit(f"SDK run failed: {done.stderr[-2000:]}")
    return {name: list(values) for name, values in json.loads(done.stdout).items()}


async def measure_ours(pool: RunningPool, iterations: int, warmup: int,
                       block: int = 20) -> dict[str, list[float]]:
    """Our client and a bare httpx.AsyncClient sending the same requests, in alternating
    blocks so drift hits both."""
    profile = ConnectionProfile(host=pool.url, user_pool_id=pool.user_pool_id,
                                app_id=pool.app_id, public_key=pool.public_key)
    key = load_public_key(pool.public_key)
    headers = {"x-authing-userpool-id": pool.user_pool_id, "x-authing-app-id": pool.app_id,
               "x-authing-request-from": "sdk", "x-authing-sdk-version": "bare",
               "x-authing-lang": "zh-CN", "content-type": "application/json"}
    async with AuthenticationClient(profile) as client, \
            httpx.AsyncClient(headers=headers, timeout=30) as bare:
        await client.login_by_username(USERNAME, PASSWORD)
        token = client.token
        assert token

        async def bare_login() -> Any:
            password = base64.b64encode(
                key.encrypt(PASSWORD.encode(), padding.PKCS1v15())).decode()
            body = {"query": gql.LOGIN_BY_USERNAME.document, "variables": {"input": {
                "username": USERNAME, "password": password, "autoRegister": False,
                "captchaCode": None, "clientIp": None, "params": None, "context": None}}}
            response = await bare.post(f"{pool.url}/graphql/v2", json=body)
            return response.json()["data"]["loginByUsername"]

        async def bare_status() -> Any:
            body = {"query": gql.CHECK_LOGIN_STATUS.document, "variables": {"token": token}}
            response = await bare.post(f"{pool.url}/graphql/v2", json=body)
            return response.json()["data"]["checkLoginStatus"]

        async def bare_me() -> Any:
            response = await bare.get(f"{pool.url}/api/v2/users/me",
                                      headers={"authorization": f"Bearer {token}"})
            return response.json()["data"]

        async def our_login() -> Any:
            user = await client.login_by_username(USERNAME, PASSWORD)
            client.set_token(token)  # keep measuring with one token, like the bare client
            return user

        ops: dict[str, Op] = {
            "login": our_login, "login/bare": bare_login,
            "status": client.check_login_status, "status/bare": bare_status,
            "me": client.get_current_user, "me/bare": bare_me,
        }
        samples: dict[str, list[float]] = {name: [] for name in ops}
        groups = [("login", "login/bare"), ("status", "status/bare"), ("me", "me/bare")]
        done = 0
        while done < warmup + iterations:
            count = min(block, warmup + iterations - done)
            for group in groups:
                for name in (group if (done // block) % 2 == 0 else group[::-1]):
                    for i in range(count):
                        started = time.perf_counter()
                        await ops[name]()
                        elapsed = (time.perf_counter() - started) * 1000
                        if done + i >= warmup:
                            samples[name].append(elapsed)
            done += count
        return samples


def measure_on_qasync(pool: RunningPool, iterations: int, warmup: int) -> dict[str, list[float]]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import qasync
    from PySide6.QtCore import QCoreApplication

    app = QCoreApplication.instance() or QCoreApplication([])
    loop = qasync.QEventLoop(app)
    none_before = sys.getrefcount(None)
    try:
        return loop.run_until_complete(measure_ours(pool, iterations, warmup))
    finally:
        loop.close()
        asyncio.set_event_loop(None)
        # PySide6 6.12 on CPython 3.11 corrupts the refcounts of None/True/False in Qt->Python
        # callbacks (QTimer.singleShot(0, f) takes one from None per call); they are not
        # immortal before 3.12, so the process aborts when one reaches 0. Report the drift.
        print(f"qasync run: sys.getrefcount(None) went {none_before} -> "
              f"{sys.getrefcount(None)}", flush=True)


def _stats(values: list[float]) -> tuple[float, float]:
    ordered = sorted(values)
    return statistics.median(ordered), ordered[int(len(ordered) * 0.9) - 1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iterations", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=20)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="api-bench-") as data_dir:
        pool = start_pool(Path(data_dir))
        try:
            print(f"pool {pool.url}; {args.iterations} timed + {args.warmup} warm-up "
                  f"iterations per operation", flush=True)
            sdk = run_sdk(pool, args.iterations, args.warmup)
            on_asyncio = asyncio.run(measure_ours(pool, args.iterations, args.warmup))
            on_qasync = measure_on_qasync(pool, args.iterations, args.warmup)
        finally:
            pool.stop()

    rows: list[tuple[str, str, list[float]]] = []
    for op in ("login", "status", "me"):
        rows += [(op, "official SDK 4.5.18", sdk[op]),
                 (op, "ours (asyncio)", on_asyncio[op]),
                 (op, "bare httpx (asyncio)", on_asyncio[f"{op}/bare"]),
                 (op, "ours (qasync)", on_qasync[op]),
                 (op, "bare httpx (qasync)", on_qasync[f"{op}/bare"])]
    print(f"\n{'operation':<8} {'client':<22} {'median ms':>10} {'p90 ms':>8}")
    for op, who, values in rows:
        median, p90 = _stats(values)
        print(f"{op:<8} {who:<22} {median:>10.2f} {p90:>8.2f}")

    def med(values: list[float]) -> float:
        return statistics.median(values)

    print("\nratios (median ÷ median)")
    goals = {"login": "goal ≥ 10×", "status": "(no goal: client overhead)", "me": "goal ≥ 1.2×"}
    for op in ("login", "status", "me"):
        print(f"  SDK ÷ ours, {op:<7} {med(sdk[op]) / med(on_asyncio[op]):6.2f}×  {goals[op]}")
    for op in ("login", "status", "me"):
        for loop_name, samples in (("asyncio", on_asyncio), ("qasync", on_qasync)):
            ratio = med(samples[op]) / med(samples[f"{op}/bare"])
            print(f"  ours ÷ bare httpx, {op:<7} {loop_name:<8} {ratio:5.2f}×  goal ≤ 1.10×")
    for op in ("login", "status", "me"):
        ratio = med(on_qasync[op]) / med(on_asyncio[op])
        print(f"  qasync ÷ asyncio, ours, {op:<7} {ratio:5.2f}×")

    # A login's wall time includes the pool's argon2id hash, the same for every client.
    # Estimate it as (bare login - bare status) and compare what remains: the client side.
    server = med(on_asyncio["login/bare"]) - med(on_asyncio["status/bare"])
    sdk_client = med(sdk["login"]) - server
    our_client = med(on_asyncio["login"]) - server
    print(f"\nderived: pool-side password hashing ≈ {server:.2f} ms per login "
          f"(bare login − bare status)")
    print(f"  login without it: SDK ≈ {sdk_client:.2f} ms, ours ≈ {our_client:.2f} ms, "
          f"ratio {sdk_client / our_client:.1f}×")
    return 0


if __name__ == "__main__":
    status = main()
    sys.stdout.flush()
    # Skip interpreter finalization: after the qasync run the None/True/False refcounts are
    # corrupted by PySide6 6.12 (see measure_on_qasync) and the final GC may abort.
    os._exit(status)
