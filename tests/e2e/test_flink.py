"""Flink, end to end in the real window against the local Flink 2.3 cluster and its test jobs
(tests/env/flink.sh submits OrdersPipeline, FlakyJob and JoinJob): the Flink tab shows the
cluster's version and lists the jobs; OrdersPipeline's graph is laid out with its 4 vertices
and FORWARD / HASH / REBALANCE edges; the window vertex's drawer lists its 2 subtasks; the
Checkpoints tab shows a completed checkpoint (the job checkpoints every 5 s); FlakyJob's
Exceptions tab has its "Simulated failure"; and viewed as support, no job action is offered.

Screenshots: docs/screenshots/flink-{jobs,graph,drawer,checkpoints,exceptions}.png.

The cluster outlives test runs, so the list can hold earlier, ended runs of the same jobs: a
job is opened by name, preferring the live one (the list puts running jobs first). Rows and
nodes re-render on every refresh; they are read in one script call each.
"""
from selenium.webdriver.common.by import By

from ui_helpers import add_local_connection, attr, select, text, until, wait

_JOBS_JS = """
return Array.from(document.querySelectorAll('[data-testid="job-row"]')).map(row => ({
  id: row.dataset.jobId, name: row.dataset.jobName, state: row.dataset.state,
}));
"""
_NODES_JS = """
return Array.from(document.querySelectorAll('[data-testid="graph-node"]')).map(node => ({
  id: node.dataset.vertexId, name: node.dataset.vertexName, source: node.dataset.source,
}));
"""
_EDGE_LABELS_JS = """
return Array.from(document.querySelectorAll('[data-testid="graph-edge-label"]')).map(label => label.dataset.strategy);
"""
_CHECKPOINTS_JS = """
return Array.from(document.querySelectorAll('[data-testid="checkpoint-row"]')).map(row => ({
  id: row.dataset.checkpointId, status: row.dataset.status,
}));
"""
_EXCEPTIONS_JS = """
return Array.from(document.querySelectorAll('[data-testid="exception-entry"]')).map(entry => entry.textContent);
"""
_ENDED = {"FINISHED", "FAILED", "CANCELED", "CANCELLED"}


def _jobs(app) -> list:
    return app.driver.execute_script(_JOBS_JS) or []


def _open_flink_tab(app) -> None:
    app.click("tab-flink")
    app.el("flink-view")
    until(app, lambda: attr(app, "flink-version", "data-value"), lambda v: bool(v) and v != "unknown",
          "a Flink version in the cluster overview")


def _open_job(app, name: str) -> str:
    """Opens the live run of job `name` from the Flink tab's list; returns its id."""
    _open_flink_tab(app)
    jobs = until(app, lambda: _jobs(app), lambda seen: any(j["name"] == name for j in seen),
                 f"{name} in the job list")
    live = [j for j in jobs if j["name"] == name and j["state"] not in _ENDED]
    job = (live or [j for j in jobs if j["name"] == name])[0]
    button = (By.CSS_SELECTOR, f'[data-testid="job-row"][data-job-id="{job["id"]}"] [data-testid="job-open"]')
    wait(app).until(lambda d: d.find_element(*button).click() or True)
    until(app, lambda: attr(app, "job-view", "data-job-id"), lambda v: v == job["id"], f"the job view of {name}")
    until(app, lambda: text(app, "job-title"), lambda t: (t or "").strip() == name, f"{name}'s title")
    return job["id"]


def _wait_for_graph(app, vertices: int) -> list:
    """Waits until the graph is laid out and painted with `vertices` nodes; returns them."""
    app.wait_attr("job-graph", "data-layout-ms", timeout=60)
    return until(app, lambda: app.driver.execute_script(_NODES_JS) or [], lambda nodes: len(nodes) == vertices,
                 f"{vertices} vertices in the graph")


def test_jobs_graph_drawer_checkpoints_and_exceptions(app):
    add_local_connection(app, "Local Flink")

    # The cluster and its jobs.
    _open_flink_tab(app)
    assert attr(app, "flink-version", "data-value").startswith("2.3"), text(app, "flink-version")
    names = {j["name"] for j in until(
        app, lambda: _jobs(app),
        lambda seen: {"OrdersPipeline", "FlakyJob", "JoinJob"} <= {j["name"] for j in seen},
        "OrdersPipeline, FlakyJob and JoinJob in the job list")}
    assert {"OrdersPipeline", "FlakyJob", "JoinJob"} <= names, names
    assert int(attr(app, "flink-taskmanager-count", "data-value")) >= 1
    app.screenshot("flink-jobs")

    # OrdersPipeline's graph: 4 vertices, its three ship strategies, figures once refreshed.
    job_id = _open_job(app, "OrdersPipeline")
    assert attr(app, "job-tab-graph", "aria-selected") == "true"
    nodes = _wait_for_graph(app, 4)
    labels = until(app, lambda: app.driver.execute_script(_EDGE_LABELS_JS) or [],
                   lambda seen: {"HASH", "FORWARD", "REBALANCE"} <= set(seen), "HASH, FORWARD and REBALANCE edges")
    assert len(labels) == 3, labels
    timings = app.driver.execute_script("return window.__streamlensGraphTimings || null;")
    assert timings and timings["vertices"] == 4, timings
    # ELK runs in a Web Worker loaded from the app's own assets; "simple" means that worker
    # could not run in this window and the fallback layout was drawn instead.
    assert attr(app, "job-graph", "data-layout-engine") == "elk", "the ELK layout worker did not run in the window"
    # The first refresh has no rates yet (nothing to derive them from); the next one does.
    until(app, lambda: app.driver.execute_script(_NODES_JS) or [],
          lambda seen: seen and all(n["source"] in ("detailed", "counters") for n in seen),
          "live figures on every vertex", timeout=60)
    assert int(attr(app, "graph-requests", "data-value")) >= 1
    app.screenshot("flink-graph")

    # The window vertex's drawer: its 2 subtasks.
    window = next((n for n in nodes if "revenue-per-customer" in (n["name"] or "")), None)
    assert window is not None, nodes
    open_button = (By.CSS_SELECTOR, f'[data-testid="graph-node"][data-vertex-id="{window["id"]}"] [data-testid="graph-node-open"]')
    wait(app).until(lambda d: d.find_element(*open_button).click() or True)
    until(app, lambda: attr(app, "vertex-drawer", "data-vertex-id"), lambda v: v == window["id"], "the window vertex's drawer")
    until(app, lambda: len(app.all("subtask-row")), lambda n: n == 2, "2 subtasks in the drawer")
    assert "revenue-per-customer" in (text(app, "drawer-title") or "")
    until(app, lambda: attr(app, "chart-busy", "data-points"), lambda v: v is not None and int(v) >= 1,
          "the drawer's charts filling from the refreshes")
    app.screenshot("flink-drawer")

    # Checkpoints: at least one completed, and its per-vertex figures.
    app.click("job-tab-checkpoints")
    app.el("checkpoints-tab")
    rows = until(app, lambda: app.driver.execute_script(_CHECKPOINTS_JS) or [],
                 lambda seen: any(r["status"] == "COMPLETED" for r in seen), "a completed checkpoint", timeout=60)
    assert int(attr(app, "checkpoints-completed", "data-value")) >= 1
    app.screenshot("flink-checkpoints")
    completed = next(r for r in rows if r["status"] == "COMPLETED")
    open_row = (By.CSS_SELECTOR, f'[data-testid="checkpoint-row"][data-checkpoint-id="{completed["id"]}"] [data-testid="checkpoint-open"]')
    wait(app).until(lambda d: d.find_element(*open_row).click() or True)
    until(app, lambda: len(app.all("checkpoint-vertex-row")), lambda n: n >= 1, "the checkpoint's per-vertex figures")
    assert attr(app, "job-view", "data-job-id") == job_id

    # FlakyJob fails on purpose: its exceptions, one opened to its stack trace.
    _open_job(app, "FlakyJob")
    app.click("job-tab-exceptions")
    app.el("exceptions-tab")
    entries = until(app, lambda: app.driver.execute_script(_EXCEPTIONS_JS) or [],
                    lambda seen: any("Simulated failure" in e for e in seen), "an exception mentioning 'Simulated failure'",
                    timeout=90)
    index = next(i for i, e in enumerate(entries) if "Simulated failure" in e)
    toggle = (By.CSS_SELECTOR, f'[data-testid="exception-entry"]:nth-of-type({index + 1}) > [data-testid="exception-toggle"]')
    wait(app).until(lambda d: d.find_element(*toggle).click() or True)
    until(app, lambda: text(app, "exception-stack"), lambda t: t is not None and "Simulated failure" in t,
          "the stack trace opened")
    app.screenshot("flink-exceptions")


def test_support_is_offered_no_job_action(app):
    add_local_connection(app, "Local Flink")
    _open_job(app, "OrdersPipeline")
    # A developer may act on the running job.
    app.el("job-actions")
    assert app.el("job-action-savepoint").is_enabled()

    # Viewed as support, the job still shows — graph and all — but offers no action.
    wait(app).until(lambda d: app.el("view-as").is_enabled())
    select(app, "view-as", "support")
    until(app, lambda: attr(app, "role-chip", "data-role"), lambda role: role == "support", "the support role")
    until(app, lambda: text(app, "job-title"), lambda t: (t or "").strip() == "OrdersPipeline", "the job reloaded")
    _wait_for_graph(app, 4)
    until(app, lambda: len(app.all("job-action-savepoint")) + len(app.all("job-actions")), lambda n: n == 0,
          "no job actions for support")
    assert not app.all("job-action-stop") and not app.all("job-action-cancel")
