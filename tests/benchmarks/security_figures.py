"""The figures of the pool's hardening, run on demand:
``python tests/benchmarks/security_figures.py`` (``--quick`` skips the thorough fuzz). Each
part starts its own `pool serve` process.

1. Second factor: wrong TOTP codes the pool evaluates for one user before it locks the second
   step, each with the mfaToken of a fresh (right) password sign-in; then 40 parallel wrong
   codes over 8 fresh mfaTokens of another user.
2. Memory: the pool process's peak RSS (VmHWM in /proc/<pid>/status, Linux) before and after
   four concurrent 250 MB posts, with a declared Content-Length and then chunked (no length).
3. The route fuzz of `tests/security/fuzz.py` with every bad value: requests sent, server
   errors (HTTP 500 or a 500 code in the body).
"""

from __future__ import annotations

import socket
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.fixtures.pool import RunningPool, start_pool  # noqa: E402
from tests.localpool.helpers import register_email  # noqa: E402
from tests.security.attacks import (  # noqa: E402
    TOTP_VERIFY,
    burst,
    mfa_token,
    mfa_user,
    verify_totp,
    wrong_totp,
)
from tests.security.fuzz import run_fuzz  # noqa: E402

POSTS = 4
GUESS_CAP = 50
POST_BYTES = 250 * 1024 * 1024
BLOCK = b"x" * (1024 * 1024)


def second_factor(pool: RunningPool) -> None:
    user, totp, _ = mfa_user(pool)
    wrong = wrong_totp(totp)
    accepted, answer = 0, 6001
    while answer == 6001 and accepted < GUESS_CAP:
        answer = verify_totp(pool, mfa_token(pool, user["email"]), wrong)["code"]
        accepted += answer == 6001
    locked = "" if answer != 6001 else f" (no lock after {GUESS_CAP}: stopped)"
    print(f"second factor: {accepted} wrong codes evaluated before the lock{locked}"
          f" (then code {answer}); the right code after them:"
          f" {verify_totp(pool, mfa_token(pool, user['email']), totp.now())['code']}")
    other, totp, _ = mfa_user(pool)
    wrong = wrong_totp(totp)
    tokens = [mfa_token(pool, other["email"]) for _ in range(8)]
    codes = [r.json()["code"] for r in burst(pool, [
        ("POST", TOTP_VERIFY, {"json": {"totp": wrong},
                               "headers": {"authorization": f"Bearer {token}"}})
        for token in tokens for _ in range(5)])]
    print(f"second factor, 40 parallel guesses over 8 mfaTokens: {codes.count(6001)} evaluated,"
          f" {codes.count(2005)} refused as locked, {codes.count(2021)} as used-up challenges")


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM")


def _post(pool: RunningPool, chunked: bool) -> None:
    parts = urlsplit(pool.url)
    length = "Transfer-Encoding: chunked" if chunked else f"Content-Length: {POST_BYTES}"
    head = (f"POST /graphql/v2 HTTP/1.1\r\nHost: {parts.netloc}\r\nContent-Type: "
            f"application/json\r\n{length}\r\n\r\n").encode()
    frame = b"%x\r\n%s\r\n" % (len(BLOCK), BLOCK) if chunked else BLOCK
    try:
        with socket.create_connection((parts.hostname, parts.port), timeout=120) as conn:
            conn.sendall(head)
            for _ in range(POST_BYTES // len(BLOCK)):
                conn.sendall(frame)
            if chunked:
                conn.sendall(b"0\r\n\r\n")
            conn.recv(4096)
    except OSError:
        pass  # refused part-way: the pool closed the connection


def memory(pool: RunningPool) -> None:
    pid = pool.process.pid
    print(f"pool peak RSS at rest: {peak_rss_mb(pid):.0f} MB")
    for chunked in (False, True):
        threads = [threading.Thread(target=_post, args=(pool, chunked)) for _ in range(POSTS)]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        kind = "chunked" if chunked else "with Content-Length"
        print(f"pool peak RSS after {POSTS} concurrent 250 MB posts ({kind}):"
              f" {peak_rss_mb(pid):.0f} MB ({time.perf_counter() - started:.1f} s)")


def fuzz(pool: RunningPool) -> None:
    user = register_email(pool)
    mfa, _, _ = mfa_user(pool)
    admin = getattr(pool, "admin_token", "")
    report = run_fuzz(pool.url, pool.app_id, pool.user_pool_id, {
        "login": lambda: str(user["token"]), "admin": lambda: admin,
        "mfa": lambda: mfa_token(pool, mfa["email"])}, thorough=True)
    print(f"route fuzz: {report.requests} requests, {len(report.failures)} server errors")
    for failure in report.failures[:20]:
        print("  ", failure)


def main() -> None:
    parts = [second_factor, memory] + ([] if "--quick" in sys.argv else [fuzz])
    for part in parts:
        with tempfile.TemporaryDirectory() as tmp:
            options = {"second_factor_lockout_after": 100_000} if part is fuzz else {}
            pool = start_pool(Path(tmp), demo=False, resend_interval=0, **options)
            try:
                part(pool)
            finally:
                pool.stop()


if __name__ == "__main__":
    main()
