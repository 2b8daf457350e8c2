"""A broker that goes away and comes back, end to end in the real window: the connection
view's banner first checks, then says the cluster is lost and counts down to each retry (1 s,
2 s, 4 s … with jitter), the sidebar's dot for the connection turns to "reconnecting", and
when the broker is started again on the same port the next retry finds it by itself: the
banner says "Reconnected", then goes, and the topic list loads again.

The broker is one of the test's own (`restartable_broker`: tansu on a free port with its own
SQLite file), so stopping it touches no other test; its topics survive the restart.

Timing: with the broker down, a metadata request fails after at most 10 s (librdkafka's
timeout in the engine), the first probe follows 1 s later and fails the same way, so the
"lost" state can take ~25 s to show; after the restart the client's own reconnect backoff
(at most 10 s) plus the next wait (at most 30 s) bound the recovery.
"""
import re
import uuid

from selenium.webdriver.common.by import By

from ui_helpers import add_local_connection, attr, text, until

NAME = "Flaky Kafka"
LINE = '[data-testid="connection-health-line"]'
COUNTDOWN = re.compile(r"Retrying (?:in (\d+) s|now) \(attempt (\d+) of 10\)")


def _dot(app) -> str | None:
    return attr(app, f'[data-testid="connection-item"][data-connection-name="{NAME}"] [data-testid="connection-health-dot"]',
                "data-health")


def _topic_shown(app, topic: str) -> bool:
    return app.driver.execute_script(
        "return document.querySelector(arguments[0]) !== null;",
        f'[data-testid="topic-row"][data-topic-name="{topic}"]',
    )


def _countdown(app):
    """(seconds or None while a retry runs, attempt) from the banner, or None."""
    match = COUNTDOWN.search(text(app, "connection-health-countdown") or "")
    if match is None:
        return None
    return (int(match.group(1)) if match.group(1) else None, int(match.group(2)))


def test_a_lost_broker_is_retried_and_the_views_reload(app, restartable_broker):
    broker = restartable_broker.address
    add_local_connection(app, NAME, broker)

    # A topic of this broker's own, to see the list load before and after.
    topic = f"e2e.reconnect.{uuid.uuid4().hex[:8]}"
    app.click("tab-topics")
    app.click("create-topic")
    app.el("create-topic-dialog")
    app.fill("new-topic-name", topic)
    app.click("create-topic-submit")
    until(app, lambda: text(app, "topic-title"), lambda t: (t or "").strip() == topic, "the new topic's detail opens")
    app.click("back-to-topics")
    app.fill("topic-search", topic)
    until(app, lambda: _topic_shown(app, topic), bool, f"{topic} in the list")
    assert _dot(app) == "ok"
    assert app.all("connection-health-line") == []

    # The broker goes away; the next read of the list finds out.
    restartable_broker.stop()
    app.click("refresh-topics")
    until(app, lambda: attr(app, LINE, "data-state"), lambda s: s == "reconnecting",
          "the banner checks the broker after the list could not be read", timeout=40)
    assert _dot(app) == "reconnecting"
    assert app.all("error-banner") == [], "the lost broker is said in the connection banner, not the error banner"

    # The first probe fails too: lost, with a countdown to the next attempt.
    until(app, lambda: text(app, LINE), lambda t: t is not None and f"Lost the Kafka cluster at {broker}." in t,
          "the banner says the cluster is lost", timeout=60)
    first = until(app, lambda: _countdown(app), lambda c: c is not None and c[0] is not None and c[0] >= 1,
                  "a countdown to the next attempt", timeout=40)
    assert first[1] >= 2, first
    assert app.el("connection-retry-now").is_enabled()
    # It counts down (or the retry starts, or a later attempt is already waiting).
    until(app, lambda: _countdown(app),
          lambda c: c is not None and (c[1] > first[1] or c[0] is None or c[0] < first[0]),
          f"the countdown moves on from {first}", timeout=40)
    assert _dot(app) == "reconnecting"
    # Said once: the topic list's own error does not repeat the banner's cause (it points up
    # instead when both are the same metadata failure).
    cause = (text(app, ".connection-health__cause") or "").strip()
    inline = text(app, "inline-error")
    assert cause != "", "the banner says why"
    assert inline is None or cause not in inline, (cause, inline)
    app.screenshot("reconnecting")

    # Back on the same port: the retry schedule finds it without a click.
    restartable_broker.start()
    until(app, lambda: attr(app, LINE, "data-state"), lambda s: s == "ok",
          "the banner says reconnected", timeout=90)
    assert f"Reconnected to the Kafka cluster at {broker}." in (text(app, LINE) or "")
    until(app, lambda: _topic_shown(app, topic), bool, f"{topic} in the list again", timeout=40)
    assert _dot(app) == "ok"
    assert app.driver.find_elements(By.CSS_SELECTOR, '[data-testid="inline-error"]') == []
    # "Reconnected" is brief.
    until(app, lambda: app.all("connection-health-line"), lambda lines: lines == [],
          "the banner clears after a few seconds", timeout=20)
