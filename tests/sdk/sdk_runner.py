"""Runs a scenario of official-SDK calls in ONE process of the SDK's own interpreter
(`authing==4.5.18` in its own venv, `.venv-sdk`), because starting it and importing gql is
slow.

stdin: ``{"pool": {url, user_pool_id, app_id, public_key, admin_token, user_pool_secret},
"steps": [step, ...]}`` (the admin token reads the outbox and moves the clock, local-only
routes; the user pool secret opens the management API) where a step is
- ``{"id", "client", "call", "args": [...], "kwargs": {...}}``: ``client.<call>(*args, **kwargs)``
  (``call`` may be dotted: ``users.create`` on a ManagementClient);
- ``{"id", "client", "options": {...}}``: (re)create a client with extra options;
- ``{"id", "client", "kind": "management"[, "options": {...}]}``: (re)create that client as a
  ``ManagementClient`` (user pool id, secret, ``host`` and the pool's key preset);
- ``{"id", "client", "raw": operation, "variables": {...}}``: a management client sends
  ``QUERY[operation]`` itself with its management token (the spec's workaround for
  ``resetPasswordOnFirstLogin``); the result is the operation's root field;
- ``{"id", "advance_clock": seconds}``: the pool's clock moves that far forward (it runs with
  ``--adjustable-clock``);
- ``{"id", "value": value}``: ``value`` resolved now (a code noted before it expires and leaves
  the outbox, used later through ``$result``);
Argument values may be placeholders, resolved just before the call:
- ``{"$code": {"to": ..., "scene": ...}}``: the newest code in the pool's outbox;
- ``{"$result": step_id, "path": [key, ...]}``: part of an earlier step's result;
- ``{"$token": client}``: that client's cached token;
- ``{"$encrypt": text}``: ``text`` RSA-encrypted with the pool's key, as the SDK does.
stdout: one JSON object ``{step_id: {"ok": true, "result": ...} | {"ok": false, "error": type,
"code": ..., "message": ...}}``.
"""

import datetime
import json
import sys

import requests
from authing.v2.authentication import AuthenticationClient, AuthenticationClientOptions
from authing.v2.common.codegen import QUERY
from authing.v2.common.utils import encrypt
from authing.v2.exceptions import AuthingException
from authing.v2.management import ManagementClient, ManagementClientOptions


def main():
    scenario = json.load(sys.stdin)
    pool = scenario["pool"]
    clients = {}
    results = {}

    def new_client(options=None):
        base = {"app_id": pool["app_id"], "user_pool_id": pool["user_pool_id"],
                "app_host": pool["url"], "enc_public_key": pool["public_key"]}
        base.update(options or {})
        return AuthenticationClient(AuthenticationClientOptions(**base))

    def new_management_client(options=None):
        base = {"user_pool_id": pool["user_pool_id"], "secret": pool["user_pool_secret"],
                "host": pool["url"], "enc_public_key": pool["public_key"]}
        base.update(options or {})
        return ManagementClient(ManagementClientOptions(**base))

    def client_of(name):
        if name not in clients:
            clients[name] = new_client()
        return clients[name]

    def resolve(value):
        if isinstance(value, list):
            return [resolve(v) for v in value]
        if not isinstance(value, dict):
            return value
        if "$code" in value:
            spec = value["$code"]
            outbox = requests.get(
                pool["url"] + "/_localpool/outbox", timeout=10,
                headers={"authorization": "Bearer " + pool["admin_token"]}).json()["data"]
            for message in outbox:
                if message["to"] == spec["to"] and spec.get("scene") in (None, message["scene"]):
                    return message["code"]
            raise LookupError("no code sent to {}".format(spec["to"]))
        if "$result" in value:
            current = results[value["$result"]]["result"]
            for key in value.get("path", []):
                current = current[key]
            return current
        if "$token" in value:
            return client_of(value["$token"]).get_token()
        if "$encrypt" in value:
            return encrypt(value["$encrypt"], pool["public_key"])
        return {k: resolve(v) for k, v in value.items()}

    for step in scenario["steps"]:
        step_id = step["id"]
        try:
            if "advance_clock" in step:
                requests.post(pool["url"] + "/_localpool/clock", timeout=10,
                              json={"seconds": step["advance_clock"]},
                              headers={"authorization": "Bearer " + pool["admin_token"]},
                              ).raise_for_status()
                results[step_id] = {"ok": True, "result": None}
                continue
            if "value" in step:
                results[step_id] = {"ok": True, "result": resolve(step["value"])}
                continue
            if step.get("kind") == "management":
                clients[step["client"]] = new_management_client(
                    resolve(step.get("options", {})))
                results[step_id] = {"ok": True, "result": None}
                continue
            if "options" in step:
                clients[step["client"]] = new_client(resolve(step["options"]))
                results[step_id] = {"ok": True, "result": None}
                continue
            client = client_of(step.get("client", "main"))
            if "raw" in step:
                operation = step["raw"]
                data = client.graphqlClient.request(
                    QUERY[operation], resolve(step.get("variables", {})),
                    token=client.tokenProvider.getAccessToken())
                results[step_id] = {"ok": True, "result": next(iter(data.values()))}
                continue
            method = client
            for name in step["call"].split("."):
                method = getattr(method, name)
            args = resolve(step.get("args", []))
            kwargs = resolve(step.get("kwargs", {}))
            results[step_id] = {"ok": True, "result": method(*args, **kwargs)}
        except AuthingException as exc:
            results[step_id] = {"ok": False, "error": "AuthingException", "code": exc.code,
                                "message": exc.message}
        except Exception as exc:  # reported, not raised: the test decides
            results[step_id] = {"ok": False, "error": type(exc).__name__, "code": None,
                                "message": str(exc)}

    def default(obj):
        if isinstance(obj, (datetime.datetime, datetime.date)):
            return obj.isoformat()
        return str(obj)

    json.dump(results, sys.stdout, default=default)


if __name__ == "__main__":
    main()
