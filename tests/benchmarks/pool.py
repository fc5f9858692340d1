"""Local pool latency on loopback (run on demand: `python tests/benchmarks/pool.py`).

Prints users/me p50/p90 over one keep-alive httpx client, and loginByEmail p50 against the bare
argon2id cost measured in this same run (the pool's own hasher, verify = one hash), with the
ratio: how much the HTTP + GraphQL + RSA + SQLite + token path adds to the unavoidable hash.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from authing_desktop.localpool import passwords  # noqa: E402
from tests.fixtures.pool import start_pool  # noqa: E402
from tests.localpool.helpers import LOGIN_EMAIL, encrypt  # noqa: E402

ME_SAMPLES = 500
LOGIN_SAMPLES = 60
HASH_SAMPLES = 60


def timed(fn: Callable[[], object], samples: int, warmup: int = 10) -> list[float]:
    for _ in range(warmup):
        fn()
    out = []
    for _ in range(samples):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        pool = start_pool(Path(tmp), demo=True)
        try:
            with httpx.Client(base_url=pool.url, timeout=30) as client:
                password = encrypt(pool, "passw0rd")
                body = {"query": LOGIN_EMAIL, "variables": {"input": {
                    "email": "demo@example.com", "password": password}}}
                token = client.post("/graphql/v2", json=body).json()["data"]["loginByEmail"][
                    "token"]
                headers = {"authorization": f"Bearer {token}"}

                def me() -> None:
                    assert client.get("/api/v2/users/me", headers=headers).json()["code"] == 200

                def login() -> None:
                    assert not client.post("/graphql/v2", json=body).json().get("errors")

                me_ms = timed(me, ME_SAMPLES)
                login_ms = timed(login, LOGIN_SAMPLES, warmup=5)
        finally:
            pool.stop()
    stored = passwords.hash_password("passw0rd")
    hash_ms = timed(lambda: passwords.verify_password(stored, "passw0rd"), HASH_SAMPLES, 5)

    print(f"users/me          p50 {statistics.median(me_ms):7.2f} ms   p90 {pct(me_ms, 0.9):7.2f}"
          f" ms   ({ME_SAMPLES} sequential calls, keep-alive, loopback)")
    print(f"loginByEmail      p50 {statistics.median(login_ms):7.2f} ms   p90"
          f" {pct(login_ms, 0.9):7.2f} ms   ({LOGIN_SAMPLES} calls)")
    print(f"bare argon2id     p50 {statistics.median(hash_ms):7.2f} ms   p90"
          f" {pct(hash_ms, 0.9):7.2f} ms   (verify, same parameters, in-process)")
    ratio = statistics.median(login_ms) / statistics.median(hash_ms)
    overhead = statistics.median(login_ms) - statistics.median(hash_ms)
    print(f"login / argon2id  ratio {ratio:5.2f}x   (overhead {overhead:6.2f} ms per login)")


if __name__ == "__main__":
    main()
