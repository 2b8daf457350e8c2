#!/usr/bin/env python3
"""Benchmark the Flink job graph: a real 300-vertex job, Streamlens' real window against
Flink's own web dashboard, in the same run, on the same cluster.

1. Compiles tests/bench/flink/WideJob.java against the Flink 2.3 cluster's lib/ (cached under
   $STREAMLENS_RUN_DIR/bench/flink-graph/), uploads it (POST /jars/upload) and runs it at
   parallelism 1: exactly N job vertices (default 300; FORWARD, HASH, REBALANCE and RESCALE
   edges, unions, keyed two-input joins, 4 rate-limited DataGen sources, 2 discarding sinks).
   It checks the job is RUNNING with N vertices, and cancels it at the end.
2. Puts a counting proxy (tests/bench/flink/proxy.py) in front of the cluster's REST port: each
   client sees the cluster only through its own proxy, which counts every request by endpoint
   class.
3. The peer: Flink's dashboard (served by the cluster itself, through the proxy) in Chromium,
   opened at #/job/running/<jid>/overview and left open. Time until its graph's SVG has N
   nodes and painted; then requests over a window (default 60 s) after a warm-up.
4. Streamlens: the real desktop window under tauri-driver (as tests/e2e/conftest.py starts it),
   a connection whose Flink URL is the proxy, the job's graph opened from the Flink tab. Reads
   `window.__streamlensGraphTimings` ({vertices, layoutMs, paintMs}, set by the UI after the first
   paint of a laid-out graph), then counts requests over the same window at the default refresh.

Writes tests/bench/results/flink_graph.wide-<N>.json and the section "Flink graph: <N> vertices
vs Flink's dashboard" of docs/benchmarks.md.

  . tests/env/env.sh
  "$STREAMLENS_PYTHON" tests/bench/flink_graph.py --peer-only     # the dashboard only
  "$STREAMLENS_PYTHON" tests/bench/flink_graph.py                 # both (needs the desktop build)

The Streamlens part needs a display, a D-Bus session and a keyring: without
STREAMLENS_BENCH_WRAPPED=1 the script re-runs itself under
`xvfb-run … dbus-run-session -- …` with a throwaway unlocked GNOME Keyring (--no-wrap: don't).
See tests/bench/README.md.
"""

import argparse
import datetime
import hashlib
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "flink"))
from harness import ROOT, argv_text, git_rev, log, machine_facts, proc_cpu_seconds, machine_jiffies  # noqa: E402
from harness import save_results, load_results, write_doc  # noqa: E402
from report import existing_notes, fmt, put_section  # noqa: E402
from proxy import CountingProxy  # noqa: E402

BENCHMARK = "flink_graph"
RESULTS_PREFIX = "flink_graph."
SECTION = "flink-graph"
SECTION_BEGIN = (f"<!-- section {SECTION}: begin (written by tests/bench/flink_graph.py; "
                 "the other benchmarks keep it when they rewrite this file) -->")
SECTION_END = f"<!-- section {SECTION}: end -->"
NOTES_BEGIN = "<!-- flink-graph-notes:begin (kept when flink_graph.py rewrites its section) -->"
NOTES_END = "<!-- flink-graph-notes:end -->"
JOB_CLASS = "dev.streamlens.bench.WideJob"
JAVA_SOURCE = os.path.join(HERE, "flink", "WideJob.java")
TARGET_GRAPH_MS = 1000  # layout + first paint of the 300-vertex graph in the real window
MAX_DETAILED = 24  # engine/src/flink/metrics.rs MAX_DETAILED_VERTICES: what our design allows per refresh

# The Streamlens UI's hooks (data-testid values). {jid} is the job id. Override any with
# --ui-selectors '{"job_open": "…"}' when the UI names them differently.
UI_SELECTORS = {
    "add_connection": "add-connection",
    "conn_name": "conn-name",
    "kafka_bootstrap": "kafka-bootstrap",
    "registry_url": "registry-url",
    "flink_url": "flink-url",
    "save_connection": "save-connection",
    "connection_title": "connection-title",
    "flink_tab": "tab-flink",
    # CSS: the job's "open" button in the Flink tab's job list.
    "job_open": '[data-testid="job-row"][data-job-id="{jid}"] [data-testid="job-open"]',
}
TIMINGS_JS = "return window.__streamlensGraphTimings || null;"

# Flink's dashboard (2.3): the job graph is <flink-dagre>, one <g class="node-group"> per vertex.
DASHBOARD_ROUTE = "/#/job/running/{jid}/overview"
DASHBOARD_NODES = "flink-dagre g.node-group"
# Installed before the dashboard's own scripts (CDP Page.addScriptToEvaluateOnNewDocument): notes
# when the graph first holds N nodes, the frame that renders them, and the start of the frame after
# (so the first one has been painted), in performance.now() milliseconds, i.e. since navigation start.
GRAPH_WATCH_JS = """
(() => {
  const N = %d, SEL = %s;
  const g = window.__benchGraph = {target: N, max: 0, atMs: null, paintedMs: null};
  const check = () => {
    const n = document.querySelectorAll(SEL).length;
    if (n > g.max) g.max = n;
    if (g.atMs === null && n >= N) {
      g.atMs = performance.now();
      // The frame that renders them, then the next one: it starts once that frame is painted.
      requestAnimationFrame(() => {
        g.frameMs = performance.now();
        requestAnimationFrame(() => { g.paintedMs = performance.now(); });
      });
    }
  };
  new MutationObserver(check).observe(document, {childList: true, subtree: true});
  // What the page asks for (its XHRs, when sent and when done), whether or not the request has
  // reached the cluster yet: a browser holds at most 6 connections per host and queues the rest.
  const x = window.__benchXhr = {sent: 0, done: 0, kinds: {}};
  const kind = (u) => /\/subtasks\/metrics/.test(u) ? 'metrics' : /\/watermarks/.test(u) ? 'watermarks'
    : /\/jobs\/[0-9a-f]{32}([?#]|$)/.test(u) ? 'job' : 'other';
  const count = (u) => { x.sent++; const k = kind(String(u)); x.kinds[k] = (x.kinds[k] || 0) + 1; };
  const open = XMLHttpRequest.prototype.open, send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (m, u) { this.__benchUrl = u; return open.apply(this, arguments); };
  XMLHttpRequest.prototype.send = function () {
    count(this.__benchUrl);
    this.addEventListener('loadend', () => { x.done++; });
    return send.apply(this, arguments);
  };
  if (window.fetch) {
    const f = window.fetch;
    window.fetch = function (r) {
      count(typeof r === 'string' ? r : r && r.url);
      return f.apply(this, arguments).finally(() => { x.done++; });
    };
  }
})();
"""
XHR_JS = "return window.__benchXhr ? JSON.parse(JSON.stringify(window.__benchXhr)) : null;"
# The first job-detail answer (the dashboard takes the plan from it) in the same clock.
FIRST_DETAIL_JS = """
const jid = arguments[0];
const e = performance.getEntriesByType('resource').filter(r => r.name.split('?')[0].endsWith('/jobs/' + jid));
return e.length ? {startMs: e[0].startTime, responseEndMs: e[0].responseEnd} : null;
"""


# ---------------------------------------------------------------------------------------
# Flink REST (direct, not through a proxy)

def rest(url, path, method="GET", body=None, headers=None, timeout=60):
    req = urllib.request.Request(url.rstrip("/") + path, method=method, data=body, headers=headers or {})
    with urllib.request.urlopen(req, timeout=timeout) as r:
        data = r.read()
    return json.loads(data) if data.strip() else None


def build_jar(args):
    """Compiles WideJob.java against the cluster's lib/ into a jar under the run dir; cached by
    the source's and the lib/ listing's digest."""
    flink_home = os.environ.get("FLINK_HOME")
    if not flink_home or not os.path.isdir(os.path.join(flink_home, "lib")):
        sys.exit("FLINK_HOME (tests/env/env.sh) must name the Flink 2.3 home: . tests/env/env.sh")
    src = open(JAVA_SOURCE, "rb").read()
    libs = sorted(os.listdir(os.path.join(flink_home, "lib")))
    key = hashlib.sha256(src + "\n".join(libs).encode()).hexdigest()[:16]
    cache = os.path.join(args.cache_dir, key)
    jar = os.path.join(cache, "streamlens-bench-widejob.jar")
    if os.path.isfile(jar):
        log(f"jar: {jar} (cached)")
        return jar, key
    javac = shutil.which("javac")
    if not javac:
        sys.exit("javac not found (a JDK 17: apt-get install openjdk-17-jdk-headless)")
    classes = tempfile.mkdtemp(prefix="streamlens-bench-widejob.")
    try:
        cmd = [javac, "--release", "11", "-cp", os.path.join(flink_home, "lib", "*"), "-d", classes, JAVA_SOURCE]
        log("javac: " + " ".join(shlex.quote(c) for c in cmd))
        res = subprocess.run(cmd, capture_output=True, text=True)
        if res.returncode != 0:
            sys.exit(f"javac failed:\n{res.stderr}")
        os.makedirs(cache, exist_ok=True)
        tmp = jar + ".tmp"
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("META-INF/MANIFEST.MF", f"Manifest-Version: 1.0\nMain-Class: {JOB_CLASS}\n\n")
            for base, _, files in os.walk(classes):
                for f in sorted(files):
                    full = os.path.join(base, f)
                    z.write(full, os.path.relpath(full, classes))
        os.replace(tmp, jar)
    finally:
        shutil.rmtree(classes, ignore_errors=True)
    log(f"jar: {jar} (built)")
    return jar, key


def multipart(field, path):
    boundary = uuid.uuid4().hex
    data = open(path, "rb").read()
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; "
            f"filename=\"{os.path.basename(path)}\"\r\nContent-Type: application/x-java-archive\r\n\r\n").encode()
    body += data + f"\r\n--{boundary}--\r\n".encode()
    return body, {"Content-Type": f"multipart/form-data; boundary={boundary}"}


def submit_job(args, jar):
    """Uploads the jar and runs the job; returns (jid, jar id)."""
    ov = rest(args.flink_url, "/overview")
    if ov.get("taskmanagers", 0) < 1:
        sys.exit(f"no TaskManager at {args.flink_url}: {ov}")
    if ov.get("slots-available", 0) < 1:
        sys.exit(f"no free slot at {args.flink_url} ({ov.get('slots-available')} of {ov.get('slots-total')} "
                 "available); the job needs 1 (all its vertices share one slot at parallelism 1)")
    body, headers = multipart("jarfile", jar)
    up = rest(args.flink_url, "/jars/upload", "POST", body, headers, timeout=120)
    jar_id = os.path.basename(up["filename"])
    run = rest(args.flink_url, f"/jars/{jar_id}/run", "POST",
               json.dumps({"entryClass": JOB_CLASS, "parallelism": 1,
                           "programArgsList": [str(args.vertices), str(args.rate)]}).encode(),
               {"Content-Type": "application/json"}, timeout=180)
    jid = run["jobid"]
    log(f"submitted {JOB_CLASS} ({args.vertices} vertices, {args.rate:g} records/s per source): {jid}")
    return jid, jar_id


def wait_running(args, jid, timeout=180):
    """Waits until the job and all its vertices are RUNNING; returns the job's facts."""
    t0 = time.monotonic()
    last = None
    while time.monotonic() - t0 < timeout:
        d = rest(args.flink_url, f"/jobs/{jid}")
        states = {}
        for v in d["vertices"]:
            states[v["status"]] = states.get(v["status"], 0) + 1
        last = (d["state"], states)
        if d["state"] in ("FAILED", "CANCELED", "FINISHED"):
            exc = rest(args.flink_url, f"/jobs/{jid}/exceptions")
            sys.exit(f"job {jid} is {d['state']}: {json.dumps(exc)[:1500]}")
        if d["state"] == "RUNNING" and states.get("RUNNING", 0) == len(d["vertices"]):
            break
        time.sleep(1)
    else:
        sys.exit(f"job {jid} not RUNNING within {timeout} s: {last}")
    nodes = d["plan"]["nodes"]
    edges = {}
    for n in nodes:
        for i in n.get("inputs", []):
            edges[i.get("ship_strategy", "?")] = edges.get(i.get("ship_strategy", "?"), 0) + 1
    facts = {"jid": jid, "name": d["name"], "state": d["state"], "vertices": len(d["vertices"]),
             "plan_nodes": len(nodes), "edges": sum(edges.values()),
             "edges_by_ship_strategy": dict(sorted(edges.items(), key=lambda kv: -kv[1])),
             "two_input_vertices": sum(1 for n in nodes if len(n.get("inputs", [])) >= 2),
             "max_out_degree": max((sum(1 for m in nodes for i in m.get("inputs", []) if i["id"] == n["id"])
                                    for n in nodes), default=0),
             "parallelism": sorted({v["parallelism"] for v in d["vertices"]}),
             "running_after_s": round(time.monotonic() - t0, 1),
             "job_detail_bytes": len(json.dumps(d))}
    log(f"job RUNNING: {facts['vertices']} vertices, {facts['edges']} edges {facts['edges_by_ship_strategy']}, "
        f"{facts['two_input_vertices']} two-input vertices")
    if facts["vertices"] != args.vertices or facts["plan_nodes"] != args.vertices:
        sys.exit(f"the job has {facts['vertices']} vertices ({facts['plan_nodes']} plan nodes), "
                 f"expected {args.vertices}")
    return facts


def cancel_job(args, jid, jar_id):
    try:
        rest(args.flink_url, f"/jobs/{jid}?mode=cancel", "PATCH")
        log(f"cancelled {jid}")
    except (urllib.error.URLError, OSError, ValueError) as e:
        log(f"cancelling {jid} failed: {e}")
    if jar_id:
        try:
            rest(args.flink_url, f"/jars/{jar_id}", "DELETE")
        except (urllib.error.URLError, OSError, ValueError):
            pass


# ---------------------------------------------------------------------------------------
# Measuring a window

def descendants(root):
    """Pids of every live descendant of root."""
    children = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            ppid = int(open(f"/proc/{name}/stat").read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(name))
    out, todo = [], [root]
    while todo:
        for c in children.get(todo.pop(), []):
            out.append(c)
            todo.append(c)
    return out


def client_cpu():
    """{pid: cpu seconds} of this script's child processes (the browser or the app, their drivers)."""
    return {p: c for p in descendants(os.getpid()) if (c := proc_cpu_seconds(p)) is not None}


def flink_pids():
    run = os.environ.get("STREAMLENS_RUN_DIR", os.path.expanduser("~/.cache/streamlens-env/run"))
    out = {}
    for role, name in (("jobmanager", "flink--standalonesession.pid"), ("taskmanager", "flink--taskexecutor.pid")):
        try:
            pids = [int(x) for x in open(os.path.join(run, "flink", "pid", name)).read().split()]
        except (OSError, ValueError):
            continue
        for pid in reversed(pids):  # Flink appends a line per start: the live one is the last alive
            try:
                os.kill(pid, 0)
                out[role] = pid
                break
            except OSError:
                continue
    return out


class Window:
    """CPU of the cluster's JobManager and TaskManager, of the client's processes and of the
    whole machine over a time window."""

    def __init__(self):
        self.pids = flink_pids()
        self.t0 = time.monotonic()
        self.cpu0 = {k: proc_cpu_seconds(p) for k, p in self.pids.items()}
        self.client0 = client_cpu()
        self.mach0 = machine_jiffies()

    def close(self):
        t1 = time.monotonic()
        cpu1 = {k: proc_cpu_seconds(p) for k, p in self.pids.items()}
        client1 = client_cpu()
        total1, idle1 = machine_jiffies()
        total0, idle0 = self.mach0
        busy = (total1 - total0) - (idle1 - idle0)
        out = {"t0": self.t0, "t1": t1, "seconds": round(t1 - self.t0, 2),
               "client_cpu_s": round(sum(c - self.client0.get(p, 0.0) for p, c in client1.items()), 2),
               "machine_busy_cores": round(busy / max(total1 - total0, 1) * (os.cpu_count() or 1), 2)}
        for k in self.pids:
            if self.cpu0.get(k) is not None and cpu1.get(k) is not None:
                out[f"{k}_cpu_s"] = round(cpu1[k] - self.cpu0[k], 2)
        return out


def steady(args, proxy, label, sample=None):
    """The warm-up, then the counted window; returns the proxy's summary with the CPU figures
    (and sample() at the window's start and end, when given)."""
    log(f"{label}: warm-up {args.warmup:g} s, then counting for {args.window:g} s")
    time.sleep(args.warmup)
    first = sample() if sample else None
    w = Window()
    time.sleep(args.window)
    cpu = w.close()
    last = sample() if sample else None
    s = proxy.summary(cpu["t0"], cpu["t1"])
    s["cpu"] = {k: v for k, v in cpu.items() if k not in ("t0", "t1")}
    if sample:
        s["page"] = page_counts(first, last, s)
    if sample and s["page"].get("refreshes"):
        # The dashboard: its refreshes as the page made them (its job-detail XHRs). At the proxy
        # those polls arrive late, queued in the browser behind the per-vertex requests.
        n = s["page"]["refreshes"]
        s.update(refresh_source="page", refreshes_in_window=n, refresh_interval_s=round(s["window_s"] / n, 2),
                 cluster_per_refresh=round(s["requests"] / n, 1),
                 cluster_per_refresh_by_class={k: round(v["requests"] / n, 1) for k, v in s["classes"].items()})
    else:
        s.update(refresh_source="proxy", refreshes_in_window=s.get("refreshes"),
                 refresh_interval_s=s.get("refresh_interval_s_median"),
                 cluster_per_refresh=s.get("requests_per_refresh"),
                 cluster_per_refresh_by_class=s.get("per_refresh", {}))
    if sample:
        log(f"{label}: the page sent {s['page']['sent']} requests in the window, "
            f"{s['page'].get('sent_per_refresh')} per refresh ({s['page']['refreshes']} refreshes); "
            f"{s['page']['waiting_end']} sent but unanswered at the end (at the start: {s['page']['waiting_start']})")
    log(f"{label}: {s['requests']} requests reached the cluster in {s['window_s']:g} s ({s['requests_per_min']}/min); "
        f"{s['refreshes_in_window']} refreshes (counted by the {s['refresh_source']}, {s['refresh_interval_s']} s apart): "
        f"{s['cluster_per_refresh']} per refresh; JobManager CPU {cpu.get('jobmanager_cpu_s')} s, "
        f"client CPU {cpu.get('client_cpu_s')} s")
    for k, v in s["cluster_per_refresh_by_class"].items():
        log(f"    {v:7.1f} per refresh  {k}")
    return s


def page_counts(a, b, s):
    """What the page sent over the window (from its own XHR counts at the start and end)."""
    if not a or not b:
        return {"sent": None, "refreshes": None, "waiting_start": None, "waiting_end": None}
    kinds = {k: b["kinds"].get(k, 0) - a["kinds"].get(k, 0) for k in b["kinds"]}
    sent = b["sent"] - a["sent"]
    refreshes = kinds.get("job", 0)
    out = {"sent": sent, "done": b["done"] - a["done"], "kinds": kinds, "refreshes": refreshes,
           "waiting_start": a["sent"] - a["done"], "waiting_end": b["sent"] - b["done"],
           "sent_per_min": round(sent / s["window_s"] * 60, 1)}
    if refreshes:
        out["sent_per_refresh"] = round(sent / refreshes, 1)
        out["kinds_per_refresh"] = {k: round(v / refreshes, 1) for k, v in kinds.items()}
    # At the rate the cluster answered, how long the page's queue takes to drain: how stale the
    # numbers it draws are, at the end of the window.
    done_rate = out["done"] / s["window_s"] if s["window_s"] else 0
    out["queue_s_end"] = round(out["waiting_end"] / done_rate, 1) if done_rate else None
    return out


# ---------------------------------------------------------------------------------------
# The peer: Flink's dashboard in Chromium

def run_peer(args, jid, job):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    chromium = shutil.which(args.chromium) or args.chromium
    chromedriver = shutil.which(args.chromedriver) or args.chromedriver
    if not (os.path.isfile(chromium) and os.path.isfile(chromedriver)):
        sys.exit("Chromium and its driver are needed for the peer: apt-get install chromium chromium-driver")
    proxy = CountingProxy(args.flink_url).start()
    log(f"peer: counting proxy {proxy.url} -> {args.flink_url}")
    opts = webdriver.ChromeOptions()
    opts.binary_location = chromium
    profile = tempfile.mkdtemp(prefix="streamlens-bench-chromium.")
    for a in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,800",
              "--no-first-run", "--disable-background-networking", "--disable-extensions",
              f"--user-data-dir={profile}"):
        opts.add_argument(a)
    driver = webdriver.Chrome(service=Service(chromedriver), options=opts)
    out = {"browser": driver.capabilities.get("browserVersion"),
           "chromedriver": (driver.capabilities.get("chrome") or {}).get("chromedriverVersion", "?").split(" ")[0],
           "url": DASHBOARD_ROUTE.format(jid=jid), "headless": True, "window": "1280x800"}
    try:
        driver.set_window_size(1280, 800)
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument",
                               {"source": GRAPH_WATCH_JS % (args.vertices, json.dumps(DASHBOARD_NODES))})
        runs = []
        for i in range(1, args.graph_runs + 1):  # fresh page loads; the last one stays open
            if i > 1:
                driver.get("about:blank")
                time.sleep(2)
            t_nav = time.monotonic()
            runs.append(dashboard_graph(args, driver, proxy, jid, t_nav))
            g = runs[-1]
            log(f"peer: load {i}: " + (g["failed"] if "failed" in g else
                f"graph with {args.vertices} nodes painted {g['painted_ms']:.0f} ms after navigation start, "
                f"{fmt(g.get('after_job_detail_ms'), '.0f')} ms after the job detail arrived"))
        out["graph_runs"] = runs
        ok_runs = sorted((g for g in runs if g.get("after_job_detail_ms") is not None),
                         key=lambda g: g["after_job_detail_ms"])
        out["graph"] = dict(ok_runs[(len(ok_runs) - 1) // 2]) if ok_runs else dict(runs[-1])
        out["graph"]["runs_ok"] = len(ok_runs)
        out["startup"] = proxy.summary(t_nav, time.monotonic())
        out["steady"] = steady(args, proxy, "peer", lambda: driver.execute_script(XHR_JS))
        out["nodes_at_end"] = driver.execute_script(f"return document.querySelectorAll({json.dumps(DASHBOARD_NODES)}).length;")
        if args.shots:
            os.makedirs(args.shots, exist_ok=True)
            driver.save_screenshot(os.path.join(args.shots, "flink-dashboard.png"))
        all_recs = proxy.records()
        out["dashboard_files"] = {"requests": sum(1 for r in all_recs if r["cls"] == "dashboard files"),
                                  "bytes": sum(r["bytes"] for r in all_recs if r["cls"] == "dashboard files")}
    finally:
        try:
            driver.quit()
        except Exception:
            pass
        proxy.stop()
        shutil.rmtree(profile, ignore_errors=True)
    return out


def dashboard_graph(args, driver, proxy, jid, t_nav):
    """One load of the dashboard's job page: when its graph had N nodes, and painted."""
    driver.get(proxy.url + DASHBOARD_ROUTE.format(jid=jid))
    g = None
    deadline = time.monotonic() + args.graph_timeout
    while time.monotonic() < deadline:
        g = driver.execute_script("return window.__benchGraph || null;")
        if g and g.get("paintedMs") is not None:
            break
        time.sleep(0.1)
    first = driver.execute_script(FIRST_DETAIL_JS, jid)
    out = {"nodes_max": (g or {}).get("max"), "target": args.vertices, "nodes_at_ms": (g or {}).get("atMs"),
           "frame_ms": (g or {}).get("frameMs"), "painted_ms": (g or {}).get("paintedMs"),
           "first_job_detail": first, "seen_by_driver_s": round(time.monotonic() - t_nav, 2)}
    if g and g.get("paintedMs") is not None:
        if first:
            out["after_job_detail_ms"] = round(g["paintedMs"] - first["responseEndMs"], 1)
    else:
        out["failed"] = (f"the dashboard's graph did not reach {args.vertices} nodes within "
                         f"{args.graph_timeout:g} s (most seen: {(g or {}).get('max')})")
    return out


# ---------------------------------------------------------------------------------------
# Streamlens: the real window under tauri-driver

def app_facts(path):
    st = os.stat(path)
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return {"path": path, "size": st.st_size, "sha256": h.hexdigest()[:16],
            "mtime": datetime.datetime.fromtimestamp(st.st_mtime).strftime("%Y-%m-%d %H:%M")}


def run_ours(args, jid, job):
    if not os.path.isfile(args.app):
        return {"failed": f"no desktop binary at {args.app} (cargo build -p streamlens-desktop)"}
    os.environ["STREAMLENS_APP"] = args.app
    sys.path.insert(0, os.path.join(ROOT, "tests", "e2e"))
    import conftest  # the e2e harness: the same tauri-driver + WebKitWebDriver start-up

    sel = dict(UI_SELECTORS, **json.loads(args.ui_selectors or "{}"))
    out = {"app": app_facts(args.app), "selectors": sel}
    proxy = CountingProxy(args.flink_url).start()
    log(f"ours: counting proxy {proxy.url} -> {args.flink_url}; app {args.app} ({out['app']['mtime']})")
    data_dir = tempfile.mkdtemp(prefix="streamlens-bench-graph.")
    step = ["starting the app"]
    try:
        with conftest._running_app(pathlib_path(data_dir), f"streamlens-bench-{uuid.uuid4().hex[:8]}") as app:
            try:
                drive_ours(args, app, sel, jid, proxy, out, step)
            except Exception:
                if args.shots:  # what the window showed when it stopped
                    os.makedirs(args.shots, exist_ok=True)
                    try:
                        app.driver.save_screenshot(os.path.join(args.shots, "streamlens-failed.png"))
                    except Exception:
                        pass
                raise
    except Exception as e:  # e.g. the UI has no graph view yet: say where it stopped
        msg = str(e).strip().splitlines()[0] if str(e).strip() else ""
        out["failed"] = f"{step[0]}: {type(e).__name__}{': ' + msg if msg else ''}"
        log("ours FAILED: " + out["failed"])
    finally:
        proxy.stop()
        if "failed" in out:
            log(f"ours: the app's data dir and tauri-driver log are kept in {data_dir}")
        else:
            shutil.rmtree(data_dir, ignore_errors=True)
    return out


def drive_ours(args, app, sel, jid, proxy, out, step):
    """Connection → Flink tab → the job's graph → its timings → the counted window."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    step[0] = "adding the connection"
    app.click(sel["add_connection"])
    app.fill(sel["conn_name"], "bench-graph")
    app.fill(sel["kafka_bootstrap"], os.environ.get("STREAMLENS_KAFKA_BOOTSTRAP", "127.0.0.1:19092"))
    if os.environ.get("STREAMLENS_REGISTRY_URL"):
        app.fill(sel["registry_url"], os.environ["STREAMLENS_REGISTRY_URL"])
    app.fill(sel["flink_url"], proxy.url)
    app.click(sel["save_connection"])
    WebDriverWait(app.driver, 60).until(lambda d: app.el(sel["connection_title"]).text.strip() == "bench-graph")
    step[0] = f"opening the Flink tab ([data-testid=\"{sel['flink_tab']}\"])"
    app.click(sel["flink_tab"])
    css = sel["job_open"].format(jid=jid)
    step[0] = f"opening the job ({css})"
    WebDriverWait(app.driver, 60).until(EC.element_to_be_clickable((By.CSS_SELECTOR, css)))
    app.driver.execute_script("window.__streamlensGraphTimings = undefined;")
    t_click = time.monotonic()
    app.driver.find_element(By.CSS_SELECTOR, css).click()
    step[0] = "waiting for window.__streamlensGraphTimings"
    timings = None
    deadline = time.monotonic() + args.graph_timeout
    while time.monotonic() < deadline:
        timings = app.driver.execute_script(TIMINGS_JS)
        if timings and (timings.get("vertices") or 0) >= args.vertices:
            break
        time.sleep(0.05)
    seen_s = time.monotonic() - t_click
    out["graph"] = {"timings": timings, "seen_by_driver_s": round(seen_s, 2), "target": args.vertices}
    if not timings or (timings.get("vertices") or 0) < args.vertices:
        raise TimeoutError(f"no window.__streamlensGraphTimings for {args.vertices} vertices within "
                           f"{args.graph_timeout:g} s (last: {timings})")
    total = (timings.get("layoutMs") or 0) + (timings.get("paintMs") or 0)
    out["graph"]["layout_paint_ms"] = round(total, 1)
    log(f"ours: {timings['vertices']} vertices laid out ({timings.get('firstEngine', 'elk')}) in "
        f"{timings.get('layoutMs')} ms, painted in {timings.get('paintMs')} ms ({total:.0f} ms; target < "
        f"{TARGET_GRAPH_MS} ms); {seen_s:.2f} s from the click")
    if timings.get("firstEngine") == "simple":
        # The first picture used the quick layered layout; ELK's replaces it when ready.
        deadline = time.monotonic() + args.graph_timeout
        while time.monotonic() < deadline and "refinedMs" not in (timings or {}):
            time.sleep(0.05)
            timings = app.driver.execute_script(TIMINGS_JS) or timings
        out["graph"]["timings"] = timings
        log(f"ours: ELK's layout replaced it {timings.get('refinedMs')} ms after the graph arrived")
    out["startup"] = proxy.summary(t_click, time.monotonic())
    step[0] = "counting requests"
    out["steady"] = steady(args, proxy, "ours")
    if args.shots:
        os.makedirs(args.shots, exist_ok=True)
        app.driver.save_screenshot(os.path.join(args.shots, "streamlens-graph.png"))


def pathlib_path(p):
    from pathlib import Path
    return Path(p)


# ---------------------------------------------------------------------------------------
# The doc

def ours_ok(r):
    o = r.get("ours") or {}
    return bool(o) and "failed" not in o and "steady" in o


def dash_would(vertices):
    """What the dashboard's approach issues per refresh for this graph: the job detail, then per
    vertex its aggregated metrics and its watermarks (JobOverviewComponent.refreshNodesWithMetrics)."""
    return 1 + 2 * vertices


def render_section(r, notes):
    out = []
    w = out.append
    v = r["job"]["vertices"]
    P = r.get("peer") or {}
    PS = P.get("steady") or {}
    PP = PS.get("page") or {}
    O = r.get("ours") or {}
    OS = O.get("steady") or {}
    ok = ours_ok(r)
    TBD = "*to be filled by the run*"
    pg = P.get("graph") or {}
    og = O.get("graph") or {}
    timings = og.get("timings") or {}
    lp = og.get("layout_paint_ms")

    def o(val):
        """Our figure, or the placeholder when our side did not run."""
        return val if ok else TBD

    def met(flag):
        return "**met**" if flag else "**not met**"

    def mb_min(x):
        return fmt(x["bytes"] / x["window_s"] * 60 / 1e6, ".2f", " MB") if x else "—"

    w(SECTION_BEGIN)
    w(f"## Flink graph: {v} vertices vs Flink's dashboard")
    w("")
    w(f"Generated by `tests/bench/flink_graph.py`. Measured {r['finished']} on a real Flink {r['flink']['version']} "
      f"job of {v} vertices (`tests/bench/flink/WideJob.java` at parallelism 1: {r['job']['edges']} edges — "
      + ", ".join(f"{n} {k}" for k, n in r["job"]["edges_by_ship_strategy"].items())
      + f" —, {r['job']['two_input_vertices']} vertices with two inputs). Each client saw the cluster only through "
      f"its own counting proxy, one client after the other, counted for {r['window_s']:g} s after a "
      f"{r['warmup_s']:g} s warm-up, at its default refresh interval. The peer is the dashboard the cluster serves "
      f"itself, at `{DASHBOARD_ROUTE.format(jid='<jid>')}`, in Chromium.")
    if not ok:
        w("")
        w("**Streamlens figures: to be filled by the run**" + (f" — this run stopped at: {O['failed']}." if O.get("failed") else
                                                              " (this run was `--peer-only`)."))
    w("")
    w("| | Streamlens | Flink dashboard | Streamlens / dashboard | target | |")
    w("|---|---:|---:|---:|---|---|")
    o_rr, p_rr = OS.get("cluster_per_refresh"), PS.get("cluster_per_refresh")
    w(f"| requests per refresh that reach the cluster | {o(fmt(o_rr, '.1f'))} | {fmt(p_rr, '.1f')} | "
      f"{fmt(o_rr / p_rr if ok and o_rr and p_rr else None, '.3f')} | | |")
    w(f"| requests per refresh the client asks for | {o(fmt(o_rr, '.1f'))} | {dash_would(v)} by design (1 + 2 × {v}); the page sent {fmt(PP.get('sent_per_refresh'), '.1f')} "
      f"per refresh in the window | {fmt(o_rr / dash_would(v) if ok and o_rr else None, '.3f')} | "
      f"≤ 1 + {MAX_DETAILED} + the graph's re-read (engine: `flink/metrics.rs`) | {met(o_rr <= MAX_DETAILED + 2) if ok and o_rr else ''} |")
    w(f"| refresh interval (default; observed) | {o(fmt(OS.get('refresh_interval_s'), '.1f', ' s'))} | "
      f"{r['flink']['refresh_interval_ms'] / 1000:g} s; {fmt(PS.get('refresh_interval_s'), '.1f', ' s')} | | | |")
    w(f"| refreshes in the window | {o(OS.get('refreshes_in_window'))} | {PS.get('refreshes_in_window', '—')} | | | |")
    w(f"| requests per minute that reach the cluster | {o(fmt(OS.get('requests_per_min'), ',.0f'))} | "
      f"{fmt(PS.get('requests_per_min'), ',.0f')} | "
      f"{fmt(OS['requests_per_min'] / PS['requests_per_min'] if ok and PS.get('requests_per_min') else None, '.3f')} | | |")
    w(f"| requests the page had sent and not had answered: window start → end | — (no queue: the engine "
      f"sends them) | {PP.get('waiting_start', '—')} → {PP.get('waiting_end', '—')} "
      f"(≈ {fmt(PP.get('queue_s_end'), '.0f', ' s')} of answers) | | | |")
    w(f"| REST bytes per minute | {o(mb_min(OS))} | {mb_min(PS)} | | | |")
    w("| REST latency p50 / p95 at the proxy | "
      + o(f"{fmt(OS.get('latency_ms_p50'), '.0f')} / {fmt(OS.get('latency_ms_p95'), '.0f')} ms")
      + f" | {fmt(PS.get('latency_ms_p50'), '.0f')} / {fmt(PS.get('latency_ms_p95'), '.0f')} ms | | | |")
    w(f"| requests in flight at once (most) | {o(OS.get('max_inflight', '—'))} | {PS.get('max_inflight', '—')} | | | |")
    w(f"| failed requests (HTTP ≥ 400, no answer) | {o(OS.get('errors', '—'))} | {PS.get('errors', '—')} | | | |")
    oc, pc = OS.get("cpu") or {}, PS.get("cpu") or {}
    w(f"| JobManager CPU over the window | {o(fmt(oc.get('jobmanager_cpu_s'), '.1f', ' s'))} | "
      f"{fmt(pc.get('jobmanager_cpu_s'), '.1f', ' s')} | | | |")
    w(f"| client CPU over the window (all its processes) | {o(fmt(oc.get('client_cpu_s'), '.1f', ' s'))} | "
      f"{fmt(pc.get('client_cpu_s'), '.1f', ' s')} | | | |")
    p_lp = pg.get("after_job_detail_ms")
    runs_ms = [g["after_job_detail_ms"] for g in P.get("graph_runs") or [] if g.get("after_job_detail_ms") is not None]
    loads = (f"median of {len(runs_ms)} page loads: " + ", ".join(fmt(x, ',.0f') for x in runs_ms) + " ms; "
             if len(runs_ms) > 1 else "")
    first = pg.get("first_job_detail") or {}
    p_dom = (pg["nodes_at_ms"] - first["responseEndMs"]
             if pg.get("nodes_at_ms") is not None and first.get("responseEndMs") is not None else None)
    ours_lp = (f"{fmt(lp, ',.0f', ' ms')} (layout {fmt(timings.get('layoutMs'), ',.0f')} + paint "
               f"{fmt(timings.get('paintMs'), ',.0f')})") if lp is not None else TBD
    w(f"| time to graph: layout + first paint of the {v} vertices | {ours_lp} | {fmt(p_lp, ',.0f', ' ms')} "
      f"(job detail answered → {v} nodes painted; {loads}in the DOM after {fmt(p_dom, ',.0f', ' ms')}) | {fmt(lp / p_lp if lp is not None and p_lp else None, '.2f')} | "
      f"< {TARGET_GRAPH_MS} ms | {met(lp < TARGET_GRAPH_MS) if lp is not None else ''} |")
    seen = og.get("seen_by_driver_s")
    w("| time to graph, end to end | "
      + (f"{fmt(seen * 1000, ',.0f', ' ms')} (click on the job → timings seen by the driver)" if lp is not None else TBD)
      + f" | {fmt(pg.get('painted_ms'), ',.0f', ' ms')} (navigation start → painted) | | | |")
    w("")
    w("A refresh is one poll of the graph's metrics, which starts with `GET /jobs/:jid`. Streamlens' refreshes are "
      "counted at its proxy (its `GET /jobs/:jid` that do not come with a `GET /jobs/:jid/plan`: those two together "
      "are its re-read of the graph itself, every 10 s, whose requests are in the totals), and its requests per "
      "refresh over the whole refreshes between the first and the last poll of the window. The dashboard's "
      "refreshes are counted in the page (its `GET /jobs/:jid` XHRs, one per `web.refresh-interval`), because at "
      "the proxy a poll arrives only when the browser's queue lets it (behind the per-vertex requests of the refresh "
      "before), so its requests per refresh are the requests that reached the cluster in the window / the refreshes "
      "the page made in it. The "
      f"dashboard's own files (JavaScript, fonts: {P.get('dashboard_files', {}).get('requests', '—')} requests) "
      "are left out of every count.")
    w("")
    w("### Per refresh, by endpoint (requests that reach the cluster)")
    w("")
    w("| endpoint class | Streamlens | Flink dashboard |")
    w("|---|---:|---:|")
    ob, pb = OS.get("cluster_per_refresh_by_class") or {}, PS.get("cluster_per_refresh_by_class") or {}
    for k in list(pb) + [k for k in ob if k not in pb]:
        w(f"| `{k}` | {o(fmt(ob.get(k, 0.0), '.1f'))} | {fmt(pb.get(k, 0.0), '.1f')} |")
    vp_o, vp_p = OS.get("vertices_per_refresh") or {}, PS.get("vertices_per_refresh") or {}
    w(f"| distinct vertices asked about between two polls at the proxy (median) | {o(vp_o.get('median', '—'))} | "
      f"{vp_p.get('median', '—')} |")
    w("")
    w(f"### In the {r['window_s']:g} s window, by endpoint")
    w("")
    w("| endpoint class | Streamlens requests | p50 / p95 | Flink dashboard requests | p50 / p95 |")
    w("|---|---:|---:|---:|---:|")
    ocl, pcl = OS.get("classes") or {}, PS.get("classes") or {}
    for k in list(pcl) + [k for k in ocl if k not in pcl]:
        a, b = ocl.get(k), pcl.get(k)
        w(f"| `{k}` | {a['requests'] if a else (0 if ok else TBD)} | "
          f"{(fmt(a['latency_ms_p50'], '.0f') + ' / ' + fmt(a['latency_ms_p95'], '.0f') + ' ms') if a else ''} | "
          f"{b['requests'] if b else 0} | "
          f"{(fmt(b['latency_ms_p50'], '.0f') + ' / ' + fmt(b['latency_ms_p95'], '.0f') + ' ms') if b else ''} |")
    if PP.get("kinds"):
        w("")
        w("What the dashboard page itself sent in the window (its XHRs, answered or not): "
          + ", ".join(f"{k} {n}" for k, n in sorted(PP["kinds"].items(), key=lambda kv: -kv[1]))
          + f"; {PP.get('done', '—')} answered.")
    w("")
    w("### Machine and versions")
    w("")
    m = r["machine"]
    w(f"- Machine: {m['nproc']} cores ({m['cpu']}), {m['ram_gib']} GiB RAM, {m['os']}, Linux {m['kernel']}; "
      f"load average at start {' '.join(m['loadavg_start'])}; whole machine busy during the windows: Streamlens "
      f"{o(fmt(oc.get('machine_busy_cores'), '.2f'))}, dashboard {fmt(pc.get('machine_busy_cores'), '.2f')} of "
      f"{m['nproc']} cores.")
    f = r["flink"]
    w(f"- Flink {f['version']} (`{f.get('revision', '?')}`), the standalone session cluster of `tests/env` "
      f"(1 JobManager, 1 TaskManager with {f['slots_total']} slots; running beside: {f['other_jobs']}); "
      f"`web.refresh-interval` {f['refresh_interval_ms']} ms.")
    j = r["job"]
    w(f"- Job: `{j['name']}`, {j['vertices']} vertices at parallelism {', '.join(map(str, j['parallelism']))}, "
      f"4 DataGen sources at {r['rate']:g} records/s each, RUNNING {j['running_after_s']:g} s after submission; "
      f"`GET /jobs/:jid` answers ≈ {j['job_detail_bytes'] / 1000:.0f} kB.")
    w(f"- Dashboard: Chromium {P.get('browser', '?')} (headless, 1280×800), ChromeDriver {P.get('chromedriver', '?')}.")
    if O.get("app"):
        a = O["app"]
        w(f"- Streamlens: the debug desktop build (`{os.path.basename(a['path'])}`, made {a['mtime']}, "
          f"{a['size'] / 1e6:.0f} MB, sha256 {a['sha256']}…) in WebKitGTK {r.get('webkitgtk', '?')} under Xvfb "
          f"(1280×800), driven by tauri-driver; the repository was at {r['git']}.")
    else:
        w(f"- Streamlens: not run; the repository was at {r['git']}.")
    w("")
    w("### Method")
    w("")
    w("- The job: `WideJob.java` compiled with `javac --release 11 -cp \"$FLINK_HOME/lib/*\"` (cached under "
      "`$STREAMLENS_RUN_DIR/bench/flink-graph/`), uploaded with `POST /jars/upload`, run with `POST /jars/:id/run` "
      "at parallelism 1 (all vertices share one slot), checked RUNNING with every vertex RUNNING and exactly "
      f"{v} vertices in the plan, cancelled (`PATCH /jobs/:jid?mode=cancel`) at the end.")
    w("- The counting proxy (`tests/bench/flink/proxy.py`, Python stdlib, a thread per connection, keep-alive "
      "both ways) forwards every request unchanged to the cluster's REST port and records start, end, path, "
      "endpoint class, status and size. Each client gets a fresh proxy, so nothing is mixed.")
    w("- The dashboard: Chromium opened at the job's overview through the proxy. A script installed before the "
      f"page's own (`Page.addScriptToEvaluateOnNewDocument`) watches the DOM for `{DASHBOARD_NODES}` and notes when "
      f"there are {v} of them, then the start of the frame after the one that renders them (two "
      "`requestAnimationFrame`s: painted), and counts the page's XHRs (sent, answered). Its "
      "layout + paint time runs from the answer to the first `GET /jobs/:jid` (Resource Timing `responseEnd`; the "
      "plan is part of that answer) to that frame. Per refresh it asks for the job, then each vertex's aggregated "
      "metrics (`subtasks/metrics?get=backPressuredTimeMsPerSecond,busyTimeMsPerSecond,numRecordsInPerSecond&agg=…`) "
      "and, once all of those are answered, each vertex's `watermarks`; Chromium sends at most 6 at a time per host "
      "and queues the rest.")
    w("- Streamlens: the real window started as `tests/e2e/conftest.py` does (tauri-driver, WebKitWebDriver, a "
      "fresh data dir and keyring service) inside `xvfb-run` and `dbus-run-session` with an unlocked throwaway "
      "GNOME Keyring; a connection whose Flink URL is the proxy; the Flink tab; the job's Open button; then "
      "`window.__streamlensGraphTimings` ({vertices, layoutMs, paintMs}), which the UI sets after the first paint "
      "of the laid-out graph.")
    w("- For each client, after the warm-up, the window counts requests and CPU time (JobManager, TaskManager, "
      "the client's own processes: `/proc/PID/stat`).")
    w("")
    w("### Notes")
    w("")
    w(NOTES_BEGIN)
    w(notes.strip() if notes and notes.strip() else "(none yet)")
    w(NOTES_END)
    w("")
    w("### How to reproduce")
    w("")
    w("```sh")
    w("tests/env/up.sh                                # the Flink 2.3 cluster (and the rest of tests/env)")
    w("apt-get install chromium chromium-driver       # the peer's browser")
    w("cargo build -p streamlens-desktop              # the window under test (debug, as the e2e tests use)")
    w(". tests/env/env.sh")
    w("\"$STREAMLENS_PYTHON\" tests/bench/flink_graph.py              # both clients, 60 s each")
    w("\"$STREAMLENS_PYTHON\" tests/bench/flink_graph.py --peer-only  # the dashboard only: no desktop build needed")
    w("```")
    w("")
    w(f"This run: `flink_graph.py {r['argv']}`. The Streamlens part re-runs the script under `xvfb-run -a "
      "dbus-run-session` with a throwaway unlocked GNOME Keyring unless `STREAMLENS_BENCH_WRAPPED=1` says it "
      "already is. Options: `tests/bench/README.md`.")
    w("")
    w(SECTION_END)
    return "\n".join(out) + "\n"


def write_section(args, results):
    if not args.doc:
        return
    notes = existing_notes(args.doc, NOTES_BEGIN, NOTES_END)
    write_doc(args.doc, put_section(args.doc, SECTION, render_section(results, notes)),
              f"section “Flink graph: {results['job']['vertices']} vertices vs Flink's dashboard”")


# ---------------------------------------------------------------------------------------

def without_shots(argv):
    """The command line without --shots DIR (where screenshots go is not a setting of the run)."""
    out, skip = [], False
    for a in argv:
        if skip:
            skip = False
        elif a == "--shots":
            skip = True
        elif not a.startswith("--shots="):
            out.append(a)
    return out


def wrap_in_session(argv):
    """Re-runs this script under Xvfb and a D-Bus session with an unlocked throwaway keyring."""
    for tool in ("xvfb-run", "dbus-run-session", "gnome-keyring-daemon"):
        if not shutil.which(tool):
            sys.exit(f"{tool} is needed for the Streamlens window (or run with --peer-only)")
    inner = ('export XDG_DATA_HOME="$(mktemp -d)"; '
             'eval "$(printf streamlens-bench | gnome-keyring-daemon --unlock --components=secrets)"; '
             'export GNOME_KEYRING_CONTROL NO_AT_BRIDGE=1 STREAMLENS_BENCH_WRAPPED=1; exec "$@"')
    cmd = ["xvfb-run", "-a", "-s", "-screen 0 1280x800x24", "dbus-run-session", "--", "bash", "-c", inner, "bash",
           sys.executable, os.path.abspath(__file__)] + argv
    log("re-running under Xvfb + D-Bus + GNOME Keyring")
    os.execvp(cmd[0], cmd)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--vertices", type=int, default=300, help="job vertices (default 300)")
    ap.add_argument("--rate", type=float, default=5, help="records/s per source (4 sources; default 5)")
    ap.add_argument("--window", type=float, default=60, help="seconds counted per client (default 60)")
    ap.add_argument("--warmup", type=float, default=10, help="seconds after the graph is shown, before counting")
    ap.add_argument("--graph-timeout", type=float, default=120, help="seconds to wait for a client's graph")
    ap.add_argument("--graph-runs", type=int, default=3,
                    help="page loads of the dashboard timed (median reported; the last stays open; default 3)")
    ap.add_argument("--peer-only", action="store_true", help="only Flink's dashboard (no desktop build needed)")
    ap.add_argument("--ours-only", action="store_true", help="only the Streamlens window")
    ap.add_argument("--flink-url", default=os.environ.get("STREAMLENS_FLINK_URL", "http://127.0.0.1:18082"))
    ap.add_argument("--app", default=os.environ.get("STREAMLENS_APP") or os.path.join(
        os.environ.get("CARGO_TARGET_DIR") or os.path.expanduser("~/.cache/streamlens/target"),
        "debug", "streamlens-desktop"), help="the desktop binary (default $CARGO_TARGET_DIR/debug/streamlens-desktop)")
    ap.add_argument("--ui-selectors", help="JSON object overriding UI_SELECTORS (data-testids of the UI)")
    ap.add_argument("--chromium", default="chromium")
    ap.add_argument("--chromedriver", default="chromedriver")
    ap.add_argument("--job-id", help="use this running job (N vertices) instead of submitting one; not cancelled")
    ap.add_argument("--keep-job", action="store_true", help="leave the submitted job running")
    ap.add_argument("--no-wrap", action="store_true", help="don't re-run under xvfb-run/dbus-run-session")
    ap.add_argument("--cache-dir", default=os.path.join(os.environ.get("STREAMLENS_RUN_DIR", os.path.expanduser(
        "~/.cache/streamlens-env/run")), "bench", "flink-graph"), help="where the compiled jar is cached")
    ap.add_argument("--shots", help="save a screenshot of each client's graph into this directory")
    ap.add_argument("--doc", default=os.path.join(ROOT, "docs", "benchmarks.md"), help="'' to skip")
    ap.add_argument("--results-dir", default=os.path.join(ROOT, "tests", "bench", "results"))
    ap.add_argument("--render-only", action="store_true", help="no runs: rewrite the section from stored results")
    args = ap.parse_args()
    args.topic = f"wide-{args.vertices}"  # the results file: results/flink_graph.wide-300.json
    if args.peer_only and args.ours_only:
        sys.exit("--peer-only and --ours-only exclude each other")
    if args.render_only:
        write_section(args, load_results(args, RESULTS_PREFIX))
        return
    if not args.peer_only and not args.no_wrap and os.environ.get("STREAMLENS_BENCH_WRAPPED") != "1":
        wrap_in_session(sys.argv[1:])
    started = time.perf_counter()
    machine = machine_facts()
    log(f"machine: {machine['nproc']} cores, {machine['cpu']}, load {' '.join(machine['loadavg_start'])}")
    cfg = rest(args.flink_url, "/config")
    ov = rest(args.flink_url, "/overview")
    jobs = rest(args.flink_url, "/jobs/overview")["jobs"]
    flink = {"url": args.flink_url, "version": cfg.get("flink-version"), "revision": cfg.get("flink-revision"),
             "refresh_interval_ms": cfg.get("refresh-interval"), "slots_total": ov.get("slots-total"),
             "slots_available": ov.get("slots-available"),
             "other_jobs": ", ".join(sorted(f"{j['name']} ({j['tasks']['total']} tasks)" for j in jobs
                                            if j["state"] == "RUNNING")) or "none"}
    jid, jar_id, jar_key = args.job_id, None, None
    if not jid:
        jar, jar_key = build_jar(args)
        jid, jar_id = submit_job(args, jar)
    peer = ours = None
    try:
        job = wait_running(args, jid)
        if not args.ours_only:
            peer = run_peer(args, jid, job)
        if not args.peer_only:
            ours = run_ours(args, jid, job)
    finally:
        if not args.job_id and not args.keep_job:
            cancel_job(args, jid, jar_id)
    webkit = subprocess.run(["dpkg-query", "-W", "-f", "${Version}", "libwebkit2gtk-4.1-0"],
                            capture_output=True, text=True).stdout.strip() or "?"
    results = {
        "benchmark": BENCHMARK, "finished": datetime.datetime.now().strftime("%Y-%m-%d %H:%M"),
        "argv": argv_text(without_shots(sys.argv[1:])), "machine": machine, "git": git_rev(), "flink": flink,
        "job": job, "jar_key": jar_key, "rate": args.rate, "window_s": args.window, "warmup_s": args.warmup,
        "webkitgtk": webkit, "python": sys.version.split()[0],
        "peer": peer, "ours": ours, "seconds": round(time.perf_counter() - started, 1),
    }
    if peer is None or ours is None:
        old = None
        try:
            old = load_results(args, RESULTS_PREFIX)
        except (OSError, ValueError):
            pass
        if old is not None:  # keep the other side's last figures, marked as such
            results["previous_run"] = {"finished": old.get("finished"),
                                       "peer": old.get("peer") if peer is None else None,
                                       "ours": old.get("ours") if ours is None else None}
    save_results(args, results, RESULTS_PREFIX)
    write_section(args, results)
    if ours is not None and "failed" in ours:
        sys.exit(1)


if __name__ == "__main__":
    main()
