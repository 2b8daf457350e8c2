"""The message browser, end to end in the real window against the local broker: the newest
messages of demo.payments (up to N per partition), a message's detail with its JSON value
indented, Oldest with paging, a filter whose every row matches, producing to a topic
created through the UI, and the support role seeing values masked, never an email.

The local environment produces at least 200 JSON messages into demo.payments over 3
partitions; each carries the payer's email in its value and in a header. The broker keeps
its data between runs, so expected counts come from the broker's own watermarks. The message
table is virtualized: only the rows in view are in the DOM, so counts are read from the
view's message count and row checks cover the rendered rows.
"""
import json
import os
import re
import uuid

from confluent_kafka import Consumer, TopicPartition
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from ui_helpers import add_local_connection as _add_connection
from ui_helpers import attr as _attr
from ui_helpers import open_topic as _open_topic
from ui_helpers import select as _select
from ui_helpers import text as _text
from ui_helpers import wait as _wait
from ui_helpers import CELLS_JS

TOPIC = "demo.payments"
PER_PARTITION = 100  # the default "Newest" page: the newest 100 of each partition

# Rows re-render while pages load; read them in one script call so none goes stale.
_ROWS_JS = """
return Array.from(document.querySelectorAll('[data-testid="message-row"]')).map(row => ({
  partition: Number(row.dataset.partition),
  offset: Number(row.dataset.offset),
  key: row.querySelector('[data-testid="message-key"]').textContent,
  value: row.querySelector('[data-testid="message-value"]').textContent,
}));
"""



def _rows(app) -> list:
    return app.driver.execute_script(_ROWS_JS)


def _settled(app) -> bool:
    """No scan is running and the view says how many messages it shows."""
    return _attr(app, "messages-view", "data-loading") == "false" and _attr(app, "message-count", "data-value") is not None


def _wait_for(app, accept, what: str, timeout: float = 60):
    """Waits until the view is settled and accept(rows) holds; fails saying what was shown."""
    seen = {}

    def check(_driver):
        nonlocal seen
        if not _settled(app):
            return False
        seen = {"count": _attr(app, "message-count", "data-value"), "rows": _rows(app)[:5],
                "stats": _text(app, "scan-stats"), "error": _text(app, "inline-error")}
        return accept(_rows(app))

    try:
        _wait(app, timeout).until(check)
    except Exception as exc:
        raise AssertionError(f"{what}; the view showed: {seen}") from exc
    return _rows(app)


def _count(app) -> int:
    return int(_attr(app, "message-count", "data-value"))


def _click_row(app, partition: int, offset: int) -> None:
    # WebKitWebDriver refuses to click a <tr> ("not interactable"); its cells are fine.
    cell = (By.CSS_SELECTOR, f'[data-testid="message-row"][data-partition="{partition}"][data-offset="{offset}"] td')
    _wait(app).until(lambda d: d.find_element(*cell).click() or True)
    _wait(app).until(lambda d: f"Offset {offset}" in (_text(app, "message-detail") or ""))


def _partition_sizes(topic: str) -> dict:
    """Messages per partition, from the broker's watermarks."""
    consumer = Consumer({"bootstrap.servers": os.environ["STREAMLENS_KAFKA_BOOTSTRAP"], "group.id": "e2e-watermarks"})
    try:
        sizes = {}
        for partition in range(3):
            low, high = consumer.get_watermark_offsets(TopicPartition(topic, partition), timeout=10)
            sizes[partition] = high - low
        return sizes
    finally:
        consumer.close()


def test_browse_page_filter_and_produce(app):
    _add_connection(app, "Local Kafka")
    _open_topic(app, TOPIC)

    # Newest (the default): the newest 100 of each partition, so every message while a
    # partition holds fewer; the view counts them all even though only some are rendered.
    sizes = _partition_sizes(TOPIC)
    assert sum(sizes.values()) >= 200, sizes
    expected = sum(min(PER_PARTITION, n) for n in sizes.values())
    rows = _wait_for(app, lambda r: len(r) > 0 and _count(app) == expected, f"expected {expected} newest messages")
    assert all(row["partition"] in (0, 1, 2) for row in rows), rows[:3]
    assert "scanned" in _text(app, "scan-stats")

    # A message's detail: the JSON value, indented.
    first = rows[0]
    _click_row(app, first["partition"], first["offset"])
    value = app.driver.execute_script(
        "return document.querySelector('[data-testid=\"message-detail\"] [data-testid=\"detail-value\"] pre').textContent;"
    )
    assert "payment_id" in value, value[:200]
    assert '\n  "payment_id": ' in value, value[:200]
    assert json.loads(value)["payment_id"] == first["key"], first
    app.screenshot("messages")

    # Oldest, 50 a page: exactly 50 rows; Newer shows 50 others.
    _select(app, "seek-mode", "earliest")
    _select(app, "page-size", "50")
    page_one = _wait_for(app, lambda r: len(r) > 0 and _count(app) == 50, "expected the 50 oldest messages")
    shown_one = {(row["partition"], row["offset"]) for row in page_one}
    _wait(app).until(lambda d: app.el("page-newer").is_enabled())
    app.click("page-newer")
    page_two = _wait_for(
        app,
        lambda r: len(r) > 0 and not shown_one & {(row["partition"], row["offset"]) for row in r},
        "expected a newer page with none of the first page's messages",
    )
    assert _count(app) == 50
    assert page_two[0]["offset"] != page_one[0]["offset"] or page_two[0]["partition"] != page_one[0]["partition"]

    # A filter: every message shown has the text in its value, and the scan says so.
    filter_field = app.el("message-filter")
    filter_field.clear()
    filter_field.send_keys("example.org" + Keys.ENTER)
    rows = _wait_for(
        app,
        lambda r: len(r) > 0 and all("example.org" in row["value"] for row in r),
        "expected only messages whose value contains example.org",
    )
    matched = int(_attr(app, "scan-stats", "data-matched"))
    scanned = int(_attr(app, "scan-stats", "data-scanned"))
    assert 0 < matched <= scanned, (matched, scanned)
    assert _count(app) == min(50, matched)

    # Produce to a topic created through the UI (creating on the shared broker is safe;
    # deleting is not: tansu 0.6.0's DeleteTopics removes every topic).
    name = f"e2e.produce.{uuid.uuid4().hex[:8]}"
    app.click("back-to-topics")
    app.click("create-topic")
    app.fill("new-topic-name", name)
    app.fill("new-topic-partitions", "1")
    app.click("create-topic-submit")
    _wait(app).until(lambda d: app.el("topic-title").text.strip() == name)
    _wait_for(app, lambda r: _count(app) == 0, f"expected the new topic {name} to be empty")

    app.click("produce-open")
    app.el("produce-dialog")
    app.fill("produce-key", "k1")
    app.fill("produce-value", '{"hello":"e2e"}')
    app.click("produce-submit")
    _wait(app).until(lambda d: (_text(app, "produce-result") or "").startswith("Produced to partition 0 at offset"))
    result = _text(app, "produce-result")
    offset = int(re.search(r"at offset (\d+)", result).group(1))
    app.click("produce-close")

    rows = _wait_for(
        app,
        lambda r: any(row["offset"] == offset and row["key"] == "k1" for row in r),
        f"expected the produced message at offset {offset}",
    )
    produced = next(row for row in rows if row["offset"] == offset)
    assert json.loads(produced["value"]) == {"hello": "e2e"}, produced
    _click_row(app, 0, offset)
    assert '"hello": "e2e"' in _text(app, "detail-value")
    app.screenshot("produce")


def test_support_sees_masked_values(app_as):
    # Support may not save connections: save it as a developer, then reopen as support.
    developer = app_as("developer")
    _add_connection(developer, "Local Kafka")
    app = app_as("support")
    # The role chip holds the "View as" select now; its data-role is the role in force.
    _wait(app).until(lambda d: _attr(app, "role-chip", "data-role") == "support")
    app.click("connection-item")
    _wait(app).until(lambda d: app.el("connection-title").text.strip() == "Local Kafka")
    _open_topic(app, TOPIC)

    # Values are shown masked: no cell of any row holds an email, and rows say they are masked.
    _wait_for(app, lambda r: len(r) > 0, "expected demo.payments messages")
    rows = app.driver.execute_script(CELLS_JS)
    assert rows, "expected rendered rows"
    leaked = [row for row in rows if any("@" in cell for cell in row["cells"])]
    assert not leaked, leaked[:3]
    assert any(row["masked"] for row in rows), rows[:3]
    assert "@" not in _text(app, "message-table")
    assert len(app.all("produce-open")) == 0

    # The detail says where and by which rule, and nothing about the original.
    row = next(row for row in rows if row["masked"])
    _click_row(app, row["partition"], row["offset"])
    marks = _text(app, '[data-testid="message-detail"] [data-testid="mask-marks"]')
    assert marks is not None and "rule" in marks, _text(app, "message-detail")
    detail = _text(app, "message-detail")
    assert "@" not in detail, detail
    assert "@" not in app.driver.execute_script("return document.body.textContent;")
    app.screenshot("messages-support")
