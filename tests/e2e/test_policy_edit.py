"""Editing the workspace policy in the app, end to end in the real window against the local
broker: an admin (personal mode: STREAMLENS_ROLE) opens the policy view on a fresh data dir
(the built-in policy, no file yet); an invalid policy is refused by Check with the line it is
wrong on; a valid one adding a masking rule for payment_id on demo.payments is saved with
Ctrl+S and lands in <data dir>/policy.toml exactly as typed; viewed as support, demo.payments
then shows payment_id masked by that rule (it was not before: the built-in rule does not
cover it); back as admin, the audit log is exported as JSON lines and holds the save's
policy_change entry.

The local environment's demo.payments values carry "payment_id": "P-0000123" (also the
message key). The message table is virtualized: checks cover the rendered rows, read in one
script call (rows re-render while pages load).
"""
import hashlib
import json
import re

from selenium.webdriver.common.keys import Keys

from ui_helpers import add_local_connection, attr, open_topic, retype, select, text, until, wait

TOPIC = "demo.payments"
RULE = "support-payment-ids"

# [[grant]] is not a table of the policy: the parser names line 3.
INVALID = """version = 1

[[grant]]
roles = ["support"]
actions = ["read_unmasked"]
"""

POLICY = f"""version = 1

[[masking.rules]]
name = "{RULE}"
topics = ["{TOPIC}"]
fields = ["payment_id"]
action = "redact"
"""

# A payment id as the demo data writes it, unmasked, in a value's JSON.
PAYMENT_ID = re.compile(r'"payment_id"\s*:\s*"P-\d')

# Each rendered row's value cell and whether it shows the masked badge, in one script call.
_VALUES_JS = """
return Array.from(document.querySelectorAll('[data-testid="message-row"]')).map(row => ({
  partition: Number(row.dataset.partition),
  offset: Number(row.dataset.offset),
  value: row.querySelector('[data-testid="message-value"]').textContent,
  masked: row.querySelector('[data-testid="masked-badge"]') !== null,
}));
"""


def _rows(app) -> list:
    """The rendered rows once no scan is running and the view counts its messages, else []."""
    if attr(app, "messages-view", "data-loading") != "false" or attr(app, "message-count", "data-value") is None:
        return []
    return app.driver.execute_script(_VALUES_JS)


def _view_as(app, role: str) -> None:
    """Chooses `role` in the top bar and waits until the app runs under it (as test_policy.py)."""
    wait(app).until(lambda d: app.el("view-as").is_enabled())
    select(app, "view-as", role)
    until(app, lambda: attr(app, "role-chip", "data-role"), lambda seen: seen == role, f"expected the role {role}")


def _open_payments(app) -> None:
    """Back to demo.payments of the local connection from another view."""
    app.click("connection-item")
    wait(app).until(lambda d: app.el("connection-title").text.strip() == "Local Kafka")
    open_topic(app, TOPIC)


def _export_audit(app, path) -> list:
    """Exports the whole audit log as JSON lines to `path`; returns its entries."""
    app.click("open-audit")
    app.click("audit-export")
    app.el("export-dialog")
    select(app, "export-format", "jsonl")
    retype(app, "export-path", str(path), then=Keys.ENTER)  # Enter submits
    dialog_error = '[data-testid="export-dialog"] [data-testid="inline-error"]'
    seen = until(
        app,
        lambda: {"rows": attr(app, "export-done", "data-rows"), "error": text(app, dialog_error)},
        lambda seen: seen["rows"] is not None or seen["error"] is not None,
        f"expected the audit export to {path} to finish",
    )
    assert seen["error"] is None, seen["error"]
    assert attr(app, "export-done", "data-path") == str(path)
    assert f"to {path}" in (text(app, "export-done") or "")
    content = path.read_text(encoding="utf-8")
    assert content.endswith("\n"), content[-200:]
    entries = [json.loads(line) for line in content.splitlines()]
    assert len(entries) == int(seen["rows"]), (len(entries), seen["rows"])
    app.driver.switch_to.active_element.send_keys(Keys.ESCAPE)
    wait(app).until(lambda d: len(app.all("export-dialog")) == 0)
    return entries


def test_admin_edits_the_policy_and_exports_the_audit_log(app_as, tmp_path):
    app = app_as("admin")
    until(app, lambda: attr(app, "role-chip", "data-role"), lambda seen: seen == "admin", "expected the admin role")
    add_local_connection(app, "Local Kafka")

    # The control: under the built-in policy, support sees payment ids (no built-in glob covers them).
    _view_as(app, "support")
    open_topic(app, TOPIC)
    until(app, lambda: _rows(app), lambda rows: any(PAYMENT_ID.search(r["value"]) for r in rows),
          "expected support to see payment ids before the rule")
    _view_as(app, "admin")

    # A fresh data dir: no policy file, the built-in policy applies.
    policy_file = app.data_dir / "policy.toml"
    app.click("open-policy")
    app.el("policy-text")
    assert text(app, "policy-path") == str(policy_file)
    assert attr(app, "policy-state", "data-builtin") == "true"
    assert not policy_file.exists()
    assert "[[masking.rules]]" in (text(app, "policy-format") or "")

    # Check refuses an invalid policy, naming the line.
    retype(app, "policy-text", INVALID)
    assert text(app, "policy-unsaved") is not None
    app.click("policy-check")
    problem = until(app, lambda: {"line": attr(app, "policy-problem", "data-line"), "text": text(app, "policy-problem")},
                    lambda seen: seen["text"] is not None, "expected Check to say what is wrong")
    assert problem["line"] == "3", problem
    assert "line 3" in problem["text"].lower(), problem
    assert attr(app, "policy-text", "aria-invalid") == "true"
    assert not policy_file.exists()

    # A valid policy: Check says so, Ctrl+S saves it, exactly as typed, to the data dir.
    retype(app, "policy-text", POLICY)
    assert text(app, "policy-problem") is None
    app.el("policy-text").send_keys(Keys.CONTROL, Keys.ENTER)
    until(app, lambda: text(app, "policy-valid"), lambda seen: seen is not None, "expected Check to pass")
    app.el("policy-text").send_keys(Keys.CONTROL, "s")
    saved = until(app, lambda: text(app, "policy-saved"), lambda seen: seen is not None, "expected the save to finish")
    assert str(policy_file) in saved, saved
    assert policy_file.read_text(encoding="utf-8") == POLICY
    sha = hashlib.sha256(policy_file.read_bytes()).hexdigest()
    assert (attr(app, "policy-saved", "data-sha") or "").lower() == sha
    assert (attr(app, "policy-sha", "title") or "").lower() == sha
    assert attr(app, "policy-state", "data-builtin") == "false"
    assert text(app, "policy-unsaved") is None
    # The save reloaded the policy; personal mode keeps the requested role.
    assert attr(app, "role-chip", "data-role") == "admin"
    app.screenshot("policy-editor")

    # As support, payment_id is masked by the new rule, and the detail names it.
    _view_as(app, "support")
    _open_payments(app)
    rows = until(app, lambda: _rows(app),
                 lambda rows: len(rows) > 0 and all(r["masked"] for r in rows)
                 and not any(PAYMENT_ID.search(r["value"]) for r in rows),
                 "expected every payment id masked under support")
    row = rows[0]
    cell = f'[data-testid="message-row"][data-partition="{row["partition"]}"][data-offset="{row["offset"]}"] td'
    wait(app).until(lambda d: d.find_element("css selector", cell).click() or True)
    wait(app).until(lambda d: f"Offset {row['offset']}" in (text(app, "message-detail") or ""))
    marks = app.driver.execute_script(
        "return Array.from(document.querySelectorAll("
        "'[data-testid=\"detail-value\"] [data-testid=\"mask-mark\"]')).map(m => m.textContent);"
    )
    assert any("$.payment_id" in mark and f"rule {RULE}" in mark and "redact" in mark for mark in marks), marks

    # Back as admin: the audit export holds the save as a policy_change with the file's hash.
    _view_as(app, "admin")
    entries = _export_audit(app, tmp_path / "audit.jsonl")
    changes = [e for e in entries if e.get("action") == "policy_change"]
    assert any(sha in json.dumps(e) for e in changes), changes
    # Oldest first: the save comes after the policy_change of the first start (built-in).
    seqs = [e["seq"] for e in entries if "seq" in e]
    assert seqs == sorted(seqs), seqs[:10]
