"""Many cold starts with the first input at spread-out moments (see `tests.flows.first_input`).

    .venv/bin/python -m tests.flows.first_input_runs --starts 200 [--max-delay-ms 300]
        [--parallel 2] [--local-pool]

Prints one line per failed start and a summary line; exits 1 when any start failed.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def one_start(delay_ms: int, hold_ms: int, local_pool: bool) -> dict[str, object]:
    """Run one start in a fresh process and a fresh profile; its JSON result."""
    with tempfile.TemporaryDirectory(prefix="first-input-") as basedir:
        command = [sys.executable, "-m", "tests.flows.first_input", "--delay-ms", str(delay_ms),
                   "--hold-ms", str(hold_ms), "--basedir", basedir]
        if local_pool:
            command.append("--local-pool")
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        try:
            done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True,
                                  timeout=60, check=False)
        except subprocess.TimeoutExpired:
            return {"delay_ms": delay_ms, "ok": False, "reason": "hung (killed after 60 s)"}
        lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
        if not lines:
            return {"delay_ms": delay_ms, "ok": False,
                    "reason": f"no result (exit {done.returncode})",
                    "stderr": done.stderr[-1500:]}
        result: dict[str, object] = json.loads(lines[-1])
        if not result.get("ok"):
            result["stderr"] = done.stderr[-1500:]
        return result


def delays(starts: int, max_delay_ms: int) -> list[int]:
    """``starts`` moments spread evenly over 0..max_delay_ms."""
    if starts <= 1:
        return [0]
    return [round(i * max_delay_ms / (starts - 1)) for i in range(starts)]


def run(starts: int, max_delay_ms: int, parallel: int,
        local_pool: bool) -> list[dict[str, object]]:
    # A mouse button is held 40-160 ms, varied independently of the start moment.
    plan = [(delay, 40 + (i * 37) % 121) for i, delay in enumerate(delays(starts, max_delay_ms))]
    with ThreadPoolExecutor(parallel) as pool:
        return list(pool.map(lambda p: one_start(p[0], p[1], local_pool), plan))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--starts", type=int, default=200)
    parser.add_argument("--max-delay-ms", type=int, default=300)
    parser.add_argument("--parallel", type=int, default=2)
    parser.add_argument("--local-pool", action="store_true")
    args = parser.parse_args()
    results = run(args.starts, args.max_delay_ms, args.parallel, args.local_pool)
    failed = [r for r in results if not r.get("ok")]
    for result in failed:
        print(json.dumps(result))
    print(json.dumps({"starts": len(results), "failed": len(failed)}))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
