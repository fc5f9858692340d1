"""Runs a scenario through the official SDK (authing==4.5.18) in ITS venv, one process.

Input (stdin, JSON): {"host", "app_id", "user_pool_id", "public_key", "outbox_url",
"clock_url", "admin_token", "steps": [[method, args, kwargs], ...]}. Arguments may hold
{"$code": "<to>"}: the newest code the pool sent to <to> (its outbox, read with the admin
token), and {"$token": true} the client's token; the pseudo-step
["$advance_clock", [seconds], {}] moves the pool's clock forward (its admin route).
Output (stdout, JSON): {"results": [...], "masks": {...}} where a result is
{"ok": true, "value": <summary>} or {"ok": false, "code": <int|null>, "error": type} and
masks maps dynamic values seen (codes, tokens, user ids) to stable placeholders.

Only the standard library, requests and authing are importable here.
"""

from __future__ import annotations

import json
import sys
from typing import Any

import requests
from authing.v2.authentication.authing import AuthenticationClient
from authing.v2.authentication.types import AuthenticationClientOptions
from authing.v2.exceptions import AuthingException


def _resolve(value: Any, outbox: tuple[str, str], masks: dict[str, str],
             token: str | None) -> Any:
    if isinstance(value, dict) and set(value) == {"$token"}:
        return token
    if isinstance(value, dict) and set(value) == {"$code"}:
        to = value["$code"]
        url, admin_token = outbox
        answer = requests.get(url, headers={"authorization": f"Bearer {admin_token}"},
                              timeout=10)
        for message in answer.json()["data"]:
            if message["to"] == to:
                code = str(message["code"])
                masks[code] = f"<code:{to}>"
                return code
        raise AssertionError(f"no code for {to}")
    if isinstance(value, list):
        return [_resolve(item, outbox, masks, token) for item in value]
    if isinstance(value, dict):
        return {key: _resolve(item, outbox, masks, token) for key, item in value.items()}
    return value


def _summary(value: Any) -> Any:
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, dict) and "valid" in value:
        return {"valid": value["valid"]}
    return type(value).__name__


def main() -> int:
    spec = json.load(sys.stdin)
    client = AuthenticationClient(AuthenticationClientOptions(
        app_host=spec["host"], app_id=spec["app_id"], user_pool_id=spec["user_pool_id"],
        enc_public_key=spec["public_key"]))
    masks: dict[str, str] = {}
    results: list[dict[str, Any]] = []
    for method, args, kwargs in spec["steps"]:
        if method == "$advance_clock":
            requests.post(spec["clock_url"], json={"seconds": args[0]}, timeout=10,
                          headers={"authorization": f"Bearer {spec['admin_token']}"},
                          ).raise_for_status()
            results.append({"ok": True, "value": None})
            continue
        outbox = (spec["outbox_url"], spec["admin_token"])
        args = _resolve(args, outbox, masks, client.get_token())
        kwargs = _resolve(kwargs, outbox, masks, client.get_token())
        try:
            value = getattr(client, method)(*args, **kwargs)
        except AuthingException as exc:
            results.append({"ok": False, "code": exc.code, "error": "AuthingException"})
        except Exception as exc:  # noqa: BLE001 - reported, the comparison decides
            results.append({"ok": False, "code": None, "error": type(exc).__name__})
        else:
            results.append({"ok": True, "value": _summary(value)})
            if isinstance(value, dict) and isinstance(value.get("id"), str) \
                    and value.get("arn"):
                masks[value["id"]] = "<user-id>"
        token = client.get_token()
        if token:
            masks[token] = "<token>"
    json.dump({"results": results, "masks": masks}, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
