"""Message export, end to end in the real window against the local broker: a CEL expression
narrows demo.payments to exactly the messages it holds for (checked against the broker's own
data), the result is exported as JSON lines to a file under the test's tmp dir whose lines
are the rows the dialog reports, each one JSON that satisfies the expression; then the same
developer views the app as support and exports again, and no e-mail address of the demo
data is in that file.

The local environment produces at least 200 JSON messages into demo.payments over 3
partitions; each value has amount.value (3 to 900) and the payer's email, and a header
carries the email too. The broker keeps its data between runs, so expectations are computed
from what the broker holds now. The message table is virtualized: counts come from the
view's message count, row checks cover the rendered rows.
"""
import json
import os
import time
import uuid

from confluent_kafka import Consumer, TopicPartition
from selenium.webdriver.common.keys import Keys

from ui_helpers import add_local_connection, attr, open_topic, retype, select, text, until, wait

TOPIC = "demo.payments"
PARTITIONS = 3
PER_PARTITION = 100  # the default "Newest" page: the newest 100 of each partition
EXPRESSION = "value.amount.value > 500.0"

# Rows re-render while pages load; read them in one script call so none goes stale.
_ROWS_JS = """
return Array.from(document.querySelectorAll('[data-testid="message-row"]')).map(row => ({
  partition: Number(row.dataset.partition),
  offset: Number(row.dataset.offset),
  value: row.querySelector('[data-testid="message-value"]').textContent,
  masked: row.querySelector('[data-testid="masked-badge"]') !== null,
}));
"""


def _read_topic(topic: str, per_partition: int | None = None) -> list:
    """What the broker holds: the newest `per_partition` messages of each partition (or all),
    each as {partition, offset, value (parsed JSON), headers (name -> text)}."""
    consumer = Consumer({
        "bootstrap.servers": os.environ["STREAMLENS_KAFKA_BOOTSTRAP"],
        "group.id": f"e2e-export-{uuid.uuid4().hex[:8]}",
        "enable.auto.commit": False,
    })
    try:
        ends, assignment = {}, []
        for partition in range(PARTITIONS):
            low, high = consumer.get_watermark_offsets(TopicPartition(topic, partition), timeout=10)
            start = low if per_partition is None else max(low, high - per_partition)
            if start < high:
                ends[partition] = high
                assignment.append(TopicPartition(topic, partition, start))
        consumer.assign(assignment)
        records, deadline = [], time.time() + 60
        while ends and time.time() < deadline:
            message = consumer.poll(1.0)
            if message is None or message.error() is not None or message.partition() not in ends:
                continue
            records.append({
                "partition": message.partition(),
                "offset": message.offset(),
                "value": json.loads(message.value()),
                "headers": {name: (raw or b"").decode() for name, raw in (message.headers() or [])},
            })
            if message.offset() + 1 >= ends[message.partition()]:
                del ends[message.partition()]
        assert not ends, f"could not read {topic} to its end on partitions {sorted(ends)}"
        return records
    finally:
        consumer.close()


def _satisfies(value: dict) -> bool:
    """The expression, in Python: value.amount.value > 500.0."""
    return float(value["amount"]["value"]) > 500.0


def _settled_rows(app):
    """The rendered rows once no scan runs and the view counts its messages; None before."""
    if attr(app, "messages-view", "data-loading") != "false" or attr(app, "message-count", "data-value") is None:
        return None
    return app.driver.execute_script(_ROWS_JS)


def _count(app) -> int:
    return int(attr(app, "message-count", "data-value"))


def _view_as(app, role: str) -> None:
    """Chooses `role` in the top bar and waits until the app runs under it (as test_policy.py)."""
    wait(app).until(lambda d: app.el("view-as").is_enabled())
    select(app, "view-as", role)
    until(app, lambda: attr(app, "role-chip", "data-role"), lambda seen: seen == role, f"expected the role {role}")


def _export(app, path, screenshot: str | None = None) -> dict:
    """Exports the current result as JSON lines to `path` and waits for the done line; fails
    with the dialog's error if the backend refused. Returns what the done line says."""
    app.click("export-open")
    app.el("export-dialog")
    select(app, "export-format", "jsonl")
    assert app.el("export-scope").get_attribute("value") == "current"
    # The current result's default maximum is what the view shows.
    assert int(app.el("export-limit").get_attribute("value")) == _count(app)
    retype(app, "export-path", str(path), then=Keys.ENTER)  # Enter submits
    dialog_error = '[data-testid="export-dialog"] [data-testid="inline-error"]'
    seen = until(
        app,
        lambda: {"rows": attr(app, "export-done", "data-rows"), "error": text(app, dialog_error)},
        lambda seen: seen["rows"] is not None or seen["error"] is not None,
        f"expected the export to {path} to finish",
        timeout=120,
    )
    assert seen["error"] is None, seen["error"]
    done = {
        "rows": int(seen["rows"]),
        "bytes": int(attr(app, "export-done", "data-bytes")),
        "path": attr(app, "export-done", "data-path"),
        "text": text(app, "export-done"),
        "masked_note": text(app, "export-masked-note"),
    }
    if screenshot is not None:
        app.screenshot(screenshot)
    # Escape closes the dialog (the focus stayed inside it while it ran).
    app.driver.switch_to.active_element.send_keys(Keys.ESCAPE)
    wait(app).until(lambda d: len(app.all("export-dialog")) == 0)
    return done


def _lines(path) -> list:
    content = path.read_text(encoding="utf-8")
    assert content.endswith("\n"), content[-200:]
    return [json.loads(line) for line in content.splitlines()]


def test_expression_then_export_as_developer_and_as_support(app, tmp_path):
    add_local_connection(app, "Local Kafka")
    open_topic(app, TOPIC)
    newest = _read_topic(TOPIC, PER_PARTITION)
    expected = {(r["partition"], r["offset"]) for r in newest if _satisfies(r["value"])}
    assert expected, "the demo data should hold payments over 500"
    until(app, lambda: _settled_rows(app), lambda rows: bool(rows), "expected demo.payments messages")

    # The expression: the view shows exactly the newest messages it holds for, and says how
    # many it scanned and matched.
    retype(app, "message-expression", EXPRESSION, then=Keys.ENTER)
    rows = until(
        app,
        lambda: _settled_rows(app),
        lambda rows: bool(rows) and _count(app) == len(expected)
        and all(_satisfies(json.loads(r["value"])) for r in rows),
        f"expected the {len(expected)} newest payments over 500",
    )
    assert {(r["partition"], r["offset"]) for r in rows} <= expected, rows[:3]
    assert int(attr(app, "scan-stats", "data-matched")) == len(expected)
    assert int(attr(app, "scan-stats", "data-scanned")) == len(newest)
    assert text(app, "inline-error") is None

    # Export that result as JSON lines: one line per row reported, each a record that
    # satisfies the expression, exactly the expected ones; no .partial file left behind.
    out = tmp_path / "payments-over-500.jsonl"
    done = _export(app, out, screenshot="message-export")
    assert done["path"] == str(out), done
    assert done["rows"] == len(expected), done
    assert f"to {out}" in done["text"], done
    records = _lines(out)
    assert len(records) == done["rows"]
    assert out.stat().st_size == done["bytes"]
    assert all(r["topic"] == TOPIC and _satisfies(r["value"]) for r in records), records[:2]
    assert {(r["partition"], r["offset"]) for r in records} == expected
    assert not list(tmp_path.glob("*.partial"))

    # As support: the page reloads masked; the whole newest page is exported (no expression),
    # and the file holds none of the demo data's e-mail addresses, in values or headers.
    _view_as(app, "support")
    retype(app, "message-expression", "", then=Keys.ENTER)
    until(
        app,
        lambda: _settled_rows(app),
        lambda rows: bool(rows) and _count(app) == len(newest) and any(r["masked"] for r in rows),
        "expected the newest demo.payments, masked, under support",
    )
    masked_out = tmp_path / "payments-support.jsonl"
    done = _export(app, masked_out)
    assert done["masked_note"] is not None and "support" in done["masked_note"], done
    records = _lines(masked_out)
    assert len(records) == done["rows"] == len(newest), done
    content = masked_out.read_text(encoding="utf-8")
    everything = _read_topic(TOPIC)
    emails = {r["value"]["payer"]["email"] for r in everything}
    emails |= {r["headers"]["user-email"] for r in everything if "user-email" in r["headers"]}
    assert emails, "the demo data should carry e-mail addresses"
    leaked = sorted(email for email in emails if email in content)
    assert not leaked, leaked[:5]
