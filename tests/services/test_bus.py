"""The message bus: redacted messages, kept until a view attaches."""

from __future__ import annotations

from typing import Any

from authing_desktop.services.bus import Level, Message, MessageBus


def test_messages_before_any_view_are_replayed_in_order(qapp: Any) -> None:
    bus = MessageBus()
    bus.info("one")
    bus.warning("two")
    seen: list[Message] = []
    bus.attach(seen.append)
    bus.error("three")
    assert [(m.level, m.text) for m in seen] == [
        (Level.INFO, "one"), (Level.WARNING, "two"), (Level.ERROR, "three")]


def test_text_is_redacted_on_the_way_in(qapp: Any) -> None:
    bus = MessageBus()
    seen: list[Message] = []
    bus.attach(seen.append)
    bus.error("sign-in failed for alice@example.com: password=hunter2")
    assert seen[0].text == "sign-in failed for a***@example.com: password=[redacted]"
    assert "hunter2" not in repr(bus.history)


def test_after_the_last_view_detaches_messages_are_kept_again(qapp: Any) -> None:
    bus = MessageBus()
    first: list[Message] = []
    bus.attach(first.append)
    bus.detach(first.append)
    bus.info("while nobody listens")
    assert first == []
    second: list[Message] = []
    bus.attach(second.append)
    assert [m.text for m in second] == ["while nobody listens"]


def test_pending_messages_are_bounded(qapp: Any) -> None:
    bus = MessageBus()
    for n in range(500):
        bus.info(f"message {n}")
    seen: list[Message] = []
    bus.attach(seen.append)
    assert len(seen) == 50
    assert seen[-1].text == "message 499"
