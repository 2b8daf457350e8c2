"""Execution recordings, end to end in the real window.

Offline, as a troubleshooter (the lowest role, with no live data access): Home opens the
bundled sample recording (FlakyJob on the local environment: exceptions Flink still
reported from before the recording, restarts, failed checkpoints, masked customer records);
the integrity banner, once the digest is recomputed, says it is intact; the timeline marks
at least one exception and one failed checkpoint; "First exception" shows the job graph as
recorded then (FlakyJob's one chained vertex); the captured records show masked values
(the masked badge, the masks listed by path and rule in the detail, no email anywhere).

Live, as a developer: FlakyJob's job view on the local Flink records itself for 5 s through
"Record…", the progress shows polls as they happen, and the sealed recording opens with
samples in it.

Screenshots: docs/screenshots/recording.png, recording-records.png, recording-progress.png,
recording-replay.png.

Rows and markers re-render as the scrubbed time moves; they are read in one script call each.
"""
import json
import os
import uuid

from selenium.webdriver.common.by import By

from test_flink import _open_job  # opens the live run of a job by name from the Flink tab
from ui_helpers import add_local_connection, attr, select, text, until, wait

_MARKERS_JS = """
return Array.from(document.querySelectorAll('[data-testid="timeline-marker"]')).map(m => ({
  kind: m.dataset.kind, at: Number(m.dataset.at),
}));
"""
_NODES_JS = """
return Array.from(document.querySelectorAll('[data-testid="graph-node"]')).map(node => ({
  id: node.dataset.vertexId, name: node.dataset.vertexName,
}));
"""
_RECORDS_JS = """
return Array.from(document.querySelectorAll('[data-testid="captured-record"]')).map(row => {
  const value = row.querySelector('[data-testid="captured-record-value"]');
  return {
    seq: row.dataset.seq,
    value: value === null ? null : value.textContent,
    masked: value !== null && value.querySelector('[data-testid="masked-badge"]') !== null,
  };
});
"""


def _markers(app) -> list:
    return app.driver.execute_script(_MARKERS_JS) or []


def _open_sample(app) -> None:
    """From Home, opens the sample recording and waits for its verified integrity."""
    app.click("open-sample-recording")
    app.el("recording-view")
    until(app, lambda: text(app, "recording-title"), lambda t: (t or "").strip() == "FlakyJob", "the sample's job title")
    until(app, lambda: attr(app, "integrity-banner", "data-verified"), lambda v: v == "true",
          "the recording's digest verified", timeout=60)


def test_troubleshooter_reads_the_sample_recording_offline(app_as):
    app = app_as("troubleshooter")
    until(app, lambda: attr(app, "role-chip", "data-role"), lambda role: role == "troubleshooter", "the troubleshooter role")
    # A troubleshooter may not record or replay: neither is offered.
    _open_sample(app)
    banner = text(app, "integrity-banner") or ""
    assert "Intact" in banner, banner
    assert attr(app, "integrity-banner", "data-state") in ("unsigned", "signed"), banner
    assert not app.all("recording-replay")
    assert int(attr(app, "recording-counts", "data-samples")) > 0

    # The timeline: exceptions and failed checkpoints marked.
    markers = until(app, lambda: _markers(app),
                    lambda seen: any(m["kind"] == "exception" for m in seen)
                    and any(m["kind"] == "checkpoint_failed" for m in seen),
                    "an exception and a failed checkpoint on the timeline")
    first_exception = min(m["at"] for m in markers if m["kind"] == "exception")
    assert app.all("timeline-band"), "no job state band on the timeline"

    # The first exception: the graph as recorded then, FlakyJob's one vertex.
    app.click("jump-first-exception")
    until(app, lambda: attr(app, "scrubbed-time", "data-at"), lambda v: v is not None and int(v) == first_exception,
          "the scrubber at the first exception")
    until(app, lambda: attr(app, "recording-graph", "data-at"), lambda v: v is not None and int(v) == first_exception,
          "the graph read at the first exception")
    app.wait_attr("job-graph", "data-layout-ms", timeout=60)
    nodes = until(app, lambda: app.driver.execute_script(_NODES_JS) or [], lambda seen: len(seen) == 1,
                  "FlakyJob's one vertex in the graph")
    assert "flaky" in (nodes[0]["name"] or "").lower(), nodes
    assert "Exception" in (text(app, "latest-event") or ""), text(app, "latest-event")
    app.screenshot("recording")

    # The captured records around that time: masked as captured, no email anywhere.
    app.click("recording-tab-records")
    rows = until(app, lambda: app.driver.execute_script(_RECORDS_JS) or [], lambda seen: len(seen) > 0,
                 "captured records in the records panel")
    assert all(row["masked"] for row in rows), rows[:3]
    assert not [row for row in rows if "@" in (row["value"] or "")], rows[:3]
    first = (By.CSS_SELECTOR, f'[data-testid="captured-record"][data-seq="{rows[0]["seq"]}"]')
    # The row may sit below the fold of the records panel: bring it into view, then click.
    row = wait(app).until(lambda d: d.find_element(*first))
    app.driver.execute_script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", row)
    until(app, lambda: len(app.all("mask-mark")), lambda n: n > 0, "the record's masks listed in its detail")
    app.el("timeline-record-marker")
    assert "@" not in (text(app, "records-panel") or "")
    assert "support" in (text(app, "records-masked-for") or "")
    app.screenshot("recording-records")


def test_developer_records_flakyjob_and_opens_the_recording(app_as):
    app = app_as("developer")
    until(app, lambda: attr(app, "role-chip", "data-role"), lambda role: role == "developer", "the developer role")
    add_local_connection(app, "Local Flink")
    _open_job(app, "FlakyJob")

    app.click("job-record")
    app.el("record-dialog")
    path = app.el("record-path").get_attribute("value")
    assert path.endswith(".slrec") and "FlakyJob-" in path, path
    app.fill("record-duration", "5")
    app.click("record-start")

    # Progress after each poll, then the sealed file (the dialog waits for the recorder).
    until(app, lambda: attr(app, "recording-progress", "data-polls"), lambda v: v is not None and int(v) >= 1,
          "the recording's first poll", timeout=30)
    app.screenshot("recording-progress")
    samples = until(app, lambda: attr(app, "record-done", "data-samples"), lambda v: v is not None,
                    "the recording sealed", timeout=90)
    assert int(samples) > 0, text(app, "record-done")
    recorded = attr(app, "record-done", "data-path")
    assert recorded.endswith(path.rsplit("/", 1)[-1]), (recorded, path)

    app.click("record-open")
    until(app, lambda: attr(app, "recording-view", "data-path"), lambda v: v == recorded, "the new recording opened")
    until(app, lambda: attr(app, "recording-counts", "data-samples"), lambda v: v is not None and int(v) > 0,
          "samples in the new recording's summary")
    until(app, lambda: attr(app, "integrity-banner", "data-verified"), lambda v: v == "true",
          "the new recording's digest verified", timeout=60)
    assert "Intact" in (text(app, "integrity-banner") or ""), text(app, "integrity-banner")
    until(app, lambda: text(app, "recording-title"), lambda t: (t or "").strip() == "FlakyJob", "the recorded job's name")


def test_developer_replays_and_exports_the_sample_recordings_input(app_as, tmp_path):
    """The sample's 50 captured input records, replayed through the UI into a fresh topic on
    the local broker (as fast as possible, with progress) and read back there with
    confluent-kafka; then exported as JSONL from the UI, one line per record."""
    from confluent_kafka import Consumer, TopicPartition
    from confluent_kafka.admin import AdminClient, NewTopic

    bootstrap = os.environ["STREAMLENS_KAFKA_BOOTSTRAP"]
    topic = f"e2e.replay.{uuid.uuid4().hex[:8]}"
    admin = AdminClient({"bootstrap.servers": bootstrap})  # kept alive until the topic exists
    admin.create_topics([NewTopic(topic, 1, 1)])[topic].result(30)

    app = app_as("developer")
    add_local_connection(app, "Local")
    app.click("sidebar-sample-recording")
    until(app, lambda: attr(app, "integrity-banner", "data-verified"), lambda v: v == "true",
          "the sample recording's digest verified", timeout=60)

    app.click("recording-replay")
    app.el("replay-dialog")
    app.fill("replay-topic", topic)
    select(app, "replay-speed", "max")
    app.click("replay-submit")
    produced = until(app, lambda: attr(app, "replay-done", "data-produced"), lambda v: v is not None,
                     "the replay finished", timeout=90)
    assert int(produced) == 50, text(app, "replay-done")
    app.screenshot("recording-replay")
    consumer = Consumer({"bootstrap.servers": bootstrap, "group.id": f"e2e-{uuid.uuid4().hex[:6]}"})
    try:
        low, high = consumer.get_watermark_offsets(TopicPartition(topic, 0), timeout=10)
    finally:
        consumer.close()
    assert high - low == 50, (low, high)
    app.click("replay-close")

    out = tmp_path / "records.jsonl"
    app.click("recording-export")
    select(app, "export-kind", "records_jsonl")
    app.fill("export-output", str(out))
    app.click("export-submit")
    count = until(app, lambda: attr(app, "export-done", "data-count"), lambda v: v is not None, "the export done")
    assert int(count) == 50
    lines = out.read_text().splitlines()
    assert len(lines) == 50, len(lines)
    first = json.loads(lines[0])
    assert (first["direction"], first["topic"]) == ("input", "sample.customers"), first
    assert first["record"]["key"]["text"] == "C-000000", first
