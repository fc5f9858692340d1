"""`authing-desktop pool admin ...` on a pool's data dir (docs/scenarios.md): each command does
what its help says, bad input gets a clear error, exit code 2, and changes nothing; secrets come
from files, and the pool it creates is private."""

from __future__ import annotations

import io
import json
import os
import stat
import sys
from pathlib import Path

import pytest

from authing_desktop.localpool.cli import main
from authing_desktop.localpool.settings import DATABASE_FILE
from authing_desktop.localpool.storage import Database

DOCS_SCENARIO = Path(__file__).resolve().parents[2] / "docs" / "scenarios" / "forced-reset.toml"


def _admin(data_dir: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str,
                                                                                    str]:
    code = main(["admin", "--data-dir", str(data_dir), *args])
    out, err = capsys.readouterr()
    return code, out, err


def _users(data_dir: Path) -> list[dict[str, object]]:
    db = Database(data_dir / DATABASE_FILE, workers=1)
    try:
        return [dict(row) for row in db.read(lambda conn: conn.execute(
            "SELECT * FROM users ORDER BY created_at").fetchall())]
    finally:
        db.close()


def test_info_and_apply_on_a_new_private_pool(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    data_dir = tmp_path / "pool"
    code, out, _ = _admin(data_dir, capsys, "info")
    info = json.loads(out)
    assert code == 0 and len(info["user_pool_secret"]) == 32 and info["user_pool_id"]
    assert "ManagementClient" in info["management_api"]
    if os.name == "posix":
        assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700
        assert stat.S_IMODE((data_dir / DATABASE_FILE).stat().st_mode) == 0o600
    code, out, _ = _admin(data_dir, capsys, "apply", str(DOCS_SCENARIO))
    assert code == 0 and json.loads(out)["applied"]["name"] == "forced-reset"
    code, _, err = _admin(data_dir, capsys, "apply", str(DOCS_SCENARIO))
    assert code == 2
    assert "forced-reset.toml: users[0] (expired@acme.example): user already exists" in err
    assert "Nothing was changed." in err
    assert len(_users(data_dir)) == 1


def test_user_create_reads_the_password_from_a_file_and_checks_it_all(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    data_dir = tmp_path / "pool"
    assert _admin(data_dir, capsys, "field", "define", "source", "string")[0] == 0
    assert _admin(data_dir, capsys, "role", "create", "auditor")[0] == 0
    assert _admin(data_dir, capsys, "org", "create", "acme", "Acme")[0] == 0
    assert _admin(data_dir, capsys, "department", "create", "acme", "ops", "Operations")[0] == 0
    secret = tmp_path / "pw.txt"
    secret.write_text("Admin-passw0rd\n", encoding="utf-8")
    code, out, err = _admin(data_dir, capsys, "user", "create", "--email", "a@example.com",
                            "--password-file", str(secret), "--email-verified",
                            "--reset-on-next-login", "--blocked", "--custom", "source=import",
                            "--role", "auditor", "--department", "ops")
    assert code == 0, err
    assert "a@example.com" in out and "Admin-passw0rd" not in out + err
    (user,) = _users(data_dir)
    assert (user["email_verified"], user["force_password_reset"], user["blocked"]) == (1, 1, 1)
    assert user["password_hash"] and "Admin-passw0rd" not in str(user["password_hash"])

    monkeypatch.setattr(sys, "stdin", io.StringIO("Other-passw0rd\n"))
    code, _, err = _admin(data_dir, capsys, "user", "create", "--username", "b",
                          "--password-file", "-", "--role", "nope", "--custom", "age=3")
    assert code == 2
    assert "users[0] (b): custom field 'age' is not defined" in err
    assert len(_users(data_dir)) == 1

    code, out, _ = _admin(data_dir, capsys, "user", "list")
    assert [u["email"] for u in json.loads(out)] == ["a@example.com"]
    assert json.loads(out)[0]["resetPasswordOnNextLogin"] is True


def test_settings_roles_departments_and_apps(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    data_dir = tmp_path / "pool"
    code, out, _ = _admin(data_dir, capsys, "settings", "set", "loginRequireEmailVerified=true",
                          "changePhoneStrategy.verifyOldPhone=true")
    settings = json.loads(out)
    assert code == 0 and settings["loginRequireEmailVerified"] is True
    assert settings["changePhoneStrategy"] == {"verifyOldPhone": True}
    code, _, err = _admin(data_dir, capsys, "settings", "set", "loginFailStrategy=never",
                          "registerDisabled=true")
    assert code == 2 and "loginFailStrategy" in err
    assert json.loads(_admin(data_dir, capsys, "settings", "show")[1])["registerDisabled"] \
        is False
    assert _admin(data_dir, capsys, "settings", "set", "novalue")[0] == 2

    assert _admin(data_dir, capsys, "role", "create", "viewer", "--namespace", "docs")[0] == 0
    assert _admin(data_dir, capsys, "role", "create", "viewer", "--namespace", "docs")[0] == 2
    assert _admin(data_dir, capsys, "role", "assign", "viewer", "nobody@example.com",
                  "--namespace", "docs")[2].startswith("authing-desktop pool admin: no user")
    roles = json.loads(_admin(data_dir, capsys, "role", "list", "--namespace", "docs")[1])
    assert [r["code"] for r in roles] == ["viewer"]

    assert _admin(data_dir, capsys, "department", "create", "nowhere", "x", "X")[0] == 2
    assert _admin(data_dir, capsys, "app", "create", "Wiki", "Bad_Id")[0] == 2
    assert _admin(data_dir, capsys, "app", "create", "Wiki", "wiki", "--redirect-uri",
                  "http://localhost:9/cb")[0] == 0
    apps = json.loads(_admin(data_dir, capsys, "app", "list")[1])
    assert "wiki" in [a["identifier"] for a in apps]
    assert all("secret" not in a for a in apps)


def test_every_command_explains_itself(capsys: pytest.CaptureFixture[str]) -> None:
    for args in (["admin"], ["admin", "user", "create"], ["admin", "settings", "set"],
                 ["admin", "department", "add"]):
        with pytest.raises(SystemExit) as leaving:
            main([*args, "--help"])
        assert leaving.value.code == 0
        assert "usage: authing-desktop pool admin" in capsys.readouterr().out
