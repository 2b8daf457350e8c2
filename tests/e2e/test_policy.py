"""Roles, end to end in the real window against the local broker: a developer views the app
as support ("View as" in the top bar) and demo.payments reloads masked — no email in any
cell, rows marked masked — then switches back and the emails are there again; an admin
opens the audit log, finds the browse of demo.payments in it and verifies the hash chain.

The local environment's demo.payments messages carry the payer's email in their value and
a header, so '@' in a cell means unmasked data. The message table is virtualized: checks
cover the rendered rows, read in one script call (rows re-render while pages load).
"""
from ui_helpers import CELLS_JS, add_local_connection, attr, open_topic, select, text, until, wait

TOPIC = "demo.payments"



def _rows(app) -> list:
    """The rendered rows once no scan is running and the view counts its messages, else []."""
    if attr(app, "messages-view", "data-loading") != "false" or attr(app, "message-count", "data-value") is None:
        return []
    return app.driver.execute_script(CELLS_JS)


def _has_email(row) -> bool:
    return any("@" in (cell or "") for cell in row["cells"])


def _view_as(app, role: str) -> None:
    """Chooses `role` in the top bar and waits until the app runs under it."""
    # Disabled until the granted role is known and while a switch is pending.
    wait(app).until(lambda d: app.el("view-as").is_enabled())
    select(app, "view-as", role)
    until(app, lambda: attr(app, "role-chip", "data-role"), lambda seen: seen == role, f"expected the role {role}")


def test_developer_views_as_support_and_back(app):
    add_local_connection(app, "Local Kafka")
    open_topic(app, TOPIC)
    assert attr(app, "role-chip", "data-role") == "developer"

    # The developer reads values unmasked: emails are there.
    until(app, lambda: _rows(app), lambda rows: any(_has_email(row) for row in rows),
          "expected a developer to see an email in demo.payments")

    # As support the page reloads masked: rows say so and no cell holds an email.
    _view_as(app, "support")
    rows = until(
        app,
        lambda: _rows(app),
        lambda rows: len(rows) > 0 and any(row["masked"] for row in rows) and not any(_has_email(row) for row in rows),
        "expected demo.payments to reload masked under support",
    )
    assert not [row for row in rows if _has_email(row)], rows[:3]
    assert "@" not in (text(app, "message-table") or "")
    assert "Role:" in (text(app, "role-chip") or "")
    assert len(app.all("produce-open")) == 0

    # Back to the granted role: the emails are visible again.
    _view_as(app, "developer")
    until(app, lambda: _rows(app), lambda rows: any(_has_email(row) for row in rows),
          "expected emails again after switching back to developer")
    assert len(app.all("produce-open")) == 1


def test_admin_reads_and_verifies_the_audit_log(app_as):
    # An admin may save connections itself (personal mode: STREAMLENS_ROLE picks the role).
    app = app_as("admin")
    until(app, lambda: attr(app, "role-chip", "data-role"), lambda seen: seen == "admin", "expected the admin role")
    add_local_connection(app, "Local Kafka")

    # Reading demo.payments once leaves a "browse" entry (written before the scan starts).
    open_topic(app, TOPIC)
    until(app, lambda: _rows(app), lambda rows: len(rows) > 0, "expected demo.payments messages")

    app.click("open-audit")
    until(app, lambda: text(app, "audit-table"),
          lambda seen: seen is not None and "browse" in seen and TOPIC in seen,
          f"expected a browse of {TOPIC} in the audit table")
    assert "hash-chained" in (text(app, "audit-view") or "")

    app.click("verify-audit")
    verdict = until(app, lambda: text(app, "audit-verdict"), lambda seen: seen is not None and "Intact" in seen,
                    "expected the audit chain to verify intact")
    assert "the hash chain holds" in verdict, verdict
    assert attr(app, "audit-verdict", "data-intact") == "true"
    app.screenshot("audit")
