"""Consumer groups, end to end in the real window against the local broker: a group that
committed offset 10 on demo.orders partition 0 (committed here with confluent-kafka, as a
real consumer would) is opened by its id — the local broker (tansu) cannot list or describe
groups, so the list shows an error and the detail a note, but committed offsets and lag are
read directly — then its offsets are reset to the earliest through the UI: preview 10 → 0,
apply (stating the consumers are stopped when the broker cannot tell), and the row shows 0.
"""
import os
import uuid

from confluent_kafka import Consumer, TopicPartition
from selenium.webdriver.common.by import By

from ui_helpers import add_local_connection as _add_connection
from ui_helpers import until as _until
from ui_helpers import wait as _wait

TOPIC = "demo.orders"
COMMITTED = 10

_PARTITION_ROWS_JS = """
return Array.from(document.querySelectorAll('[data-testid="group-partition-row"]')).map(row => ({
  topic: row.dataset.topic, partition: Number(row.dataset.partition), committed: Number(row.dataset.committed),
  end: Number(row.dataset.end), lag: Number(row.dataset.lag),
}));
"""
_CHANGE_ROWS_JS = """
return Array.from(document.querySelectorAll('[data-testid="reset-change-row"]')).map(row => ({
  partition: Number(row.dataset.partition), from: row.dataset.from, to: Number(row.dataset.to),
}));
"""


def _partition_zero(app):
    rows = app.driver.execute_script(_PARTITION_ROWS_JS)
    return next((r for r in rows if r["topic"] == TOPIC and r["partition"] == 0), None)


def _commit(group: str, offset: int) -> tuple:
    """Commits `offset` for `group` on demo.orders partition 0; returns the partition's watermarks."""
    consumer = Consumer({
        "bootstrap.servers": os.environ["STREAMLENS_KAFKA_BOOTSTRAP"],
        "group.id": group,
        "enable.auto.commit": False,
    })
    try:
        consumer.commit(offsets=[TopicPartition(TOPIC, 0, offset)], asynchronous=False)
        return consumer.get_watermark_offsets(TopicPartition(TOPIC, 0), timeout=10)
    finally:
        consumer.close()


def test_open_group_by_id_then_reset_its_offsets(app):
    group = f"e2e-group-{uuid.uuid4().hex[:8]}"
    low, high = _commit(group, COMMITTED)
    assert high > COMMITTED, (low, high)

    _add_connection(app, "Local Kafka")
    app.click("tab-groups")
    app.el("groups-view")
    # Listing may fail on this broker (it cannot describe groups); opening by id works either way.
    app.fill("group-id-input", group)
    app.click("open-group")
    _wait(app).until(lambda d: app.el("group-title").text.strip() == group)

    row = _until(
        app,
        lambda: _partition_zero(app),
        lambda r: r is not None and r["committed"] == COMMITTED,
        f"expected {TOPIC} partition 0 committed at {COMMITTED}",
    )
    assert row["end"] == high, (row, high)
    assert row["lag"] == high - COMMITTED, (row, high)
    assert int(app.el("lag-chart").get_attribute("data-points")) >= 1

    # Reset to the earliest: the preview says 10 → the partition's first offset.
    app.click("reset-open")
    app.el("reset-dialog")
    target = app.el("reset-target")
    target.find_element(By.CSS_SELECTOR, 'option[value="earliest"]').click()
    assert app.el("reset-topic").get_attribute("value") == TOPIC
    app.click("reset-preview")
    changes = _until(
        app,
        lambda: app.driver.execute_script(_CHANGE_ROWS_JS),
        lambda rows: any(r["partition"] == 0 for r in rows),
        "expected a preview row for partition 0",
    )
    zero = next(r for r in changes if r["partition"] == 0)
    assert zero["from"] == str(COMMITTED) and zero["to"] == low, zero
    assert low == 0, f"demo.orders partition 0 starts at {low}"

    # The broker cannot describe the group, so Apply needs the user's word that it is stopped.
    if app.all("assume-inactive"):
        app.click("assume-inactive")
    app.click("reset-apply")
    _wait(app).until(lambda d: not app.all("reset-dialog"))
    app.el("reset-done")
    _until(
        app,
        lambda: _partition_zero(app),
        lambda r: r is not None and r["committed"] == low,
        f"expected partition 0 committed at {low} after the reset",
    )
    app.screenshot("groups")
