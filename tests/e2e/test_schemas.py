"""Schemas, end to end in the real window against the local registry stand-in and broker:
the schema browser (search, a subject's schema pretty-printed with the topics that use it),
a side-by-side diff between two versions of a subject registered here, a compatibility
check, and demo.orders — Confluent-framed Avro — browsed decoded, each row naming its
schema and the detail pane its decode path.
"""
import json
import os
import uuid

import requests
from selenium.webdriver.common.by import By

from ui_helpers import add_local_connection, attr, open_topic, select, text, until, wait

_DIFF_JS = """
return Array.from(document.querySelectorAll('[data-testid="schema-diff"] [data-diff]'))
  .map(cell => ({kind: cell.dataset.diff, text: cell.textContent}));
"""
_VALUES_JS = """
return Array.from(document.querySelectorAll('[data-testid="message-row"]')).map(row => ({
  offset: Number(row.dataset.offset), partition: Number(row.dataset.partition),
  value: (row.querySelector('[data-testid="message-value"] [data-testid="payload-preview"]') || {}).textContent,
  badge: (row.querySelector('[data-testid="schema-badge"]') || {}).textContent,
}));
"""


def _register(subject: str, fields: list) -> None:
    schema = {"type": "record", "name": "Shipment", "namespace": "e2e", "fields": fields}
    response = requests.post(
        f"{os.environ['STREAMLENS_REGISTRY_URL']}/subjects/{subject}/versions",
        data=json.dumps({"schema": json.dumps(schema)}),
        headers={"Content-Type": "application/vnd.schemaregistry.v1+json"},
        timeout=10,
    )
    response.raise_for_status()


def _open_subject(app, subject: str) -> None:
    app.click("tab-schemas")
    app.el("subject-list")
    app.el("subject-count")  # the search box is enabled once the subjects are loaded
    app.fill("subject-search", subject)
    row = (By.CSS_SELECTOR, f'[data-testid="subject-row"][data-subject="{subject}"]')
    wait(app).until(lambda d: d.find_element(*row).click() or True)
    wait(app).until(lambda d: (text(app, "subject-title") or "").strip() == subject)


def test_schema_browser_diff_and_compatibility(app):
    subject = f"e2e.shipments-{uuid.uuid4().hex[:8]}-value"
    base = [{"name": "id", "type": "string"}, {"name": "weight", "type": "double"}]
    _register(subject, base)
    _register(subject, base + [{"name": "carrier", "type": ["null", "string"], "default": None}])
    add_local_connection(app, "Local")

    # demo.orders-value: pretty-printed, with its PII tags and the topic that uses it.
    _open_subject(app, "demo.orders-value")
    schema = until(app, lambda: text(app, "schema-text"), lambda t: t and "confluent:tags" in t, "the Avro schema")
    assert '\n  "type": "record"' in schema or '\n  "name"' in schema, schema[:200]
    assert json.loads(schema)["name"], schema[:200]
    assert attr(app, "schema-text", "data-language") == "json"
    assert "demo.orders" in (text(app, "subject-topics") or "")
    app.screenshot("schemas")

    # Two versions side by side: v2 adds `carrier`, nothing is removed.
    _open_subject(app, subject)
    app.click("subject-tab-diff")
    select(app, "diff-left-version", "1")
    select(app, "diff-right-version", "2")
    cells = until(
        app,
        lambda: app.driver.execute_script(_DIFF_JS),
        lambda c: any(x["kind"] == "added" for x in c or []),
        "a diff with added lines",
    )
    added = " ".join(x["text"] for x in cells if x["kind"] == "added")
    assert "carrier" in added, cells
    assert not [x for x in cells if x["kind"] == "removed" and "carrier" in x["text"]], cells
    assert int(attr(app, "diff-summary", "data-added")) > 0
    app.screenshot("schema-diff")

    # A compatible edit (a field with a default) and an incompatible one (a new required field).
    app.click("subject-tab-check")
    editor = app.el("compat-editor")
    compatible = {"type": "record", "name": "Shipment", "namespace": "e2e",
                  "fields": base + [{"name": "carrier", "type": ["null", "string"], "default": None},
                                    {"name": "zone", "type": "int", "default": 0}]}
    editor.clear()
    editor.send_keys(json.dumps(compatible))
    app.click("compat-check")
    until(app, lambda: attr(app, "compat-result", "data-compatible"), lambda v: v == "true", "compatible")
    incompatible = dict(compatible, fields=compatible["fields"] + [{"name": "required", "type": "string"}])
    editor.clear()
    editor.send_keys(json.dumps(incompatible))
    app.click("compat-check")
    until(app, lambda: attr(app, "compat-result", "data-compatible"), lambda v: v == "false", "incompatible")
    assert "required" in (text(app, "compat-result") or ""), text(app, "compat-result")


def test_avro_messages_are_decoded_through_the_registry(app):
    add_local_connection(app, "Local")
    open_topic(app, "demo.orders")
    rows = until(
        app,
        lambda: app.driver.execute_script(_VALUES_JS),
        lambda r: r and all(row["value"] and row["value"].startswith("{") for row in r),
        "decoded Avro values",
    )
    assert all("avro" in (row["badge"] or "") and "demo.orders-value" in row["badge"] for row in rows), rows[:3]
    first = json.loads(rows[0]["value"])
    assert isinstance(first, dict) and first, first
    cell = (By.CSS_SELECTOR, f'[data-testid="message-row"][data-offset="{rows[0]["offset"]}"]'
                             f'[data-partition="{rows[0]["partition"]}"] td')
    wait(app).until(lambda d: d.find_element(*cell).click() or True)
    path = '[data-testid="detail-value"] [data-testid="payload-decoder"]'
    until(app, lambda: attr(app, path, "data-decoder"), lambda v: v == "avro", "the decode path")
    assert attr(app, path, "data-schema-subject") == "demo.orders-value"
    assert attr(app, path, "data-schema-id")
    app.screenshot("messages-avro")
