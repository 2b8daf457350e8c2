#!/usr/bin/env python3
"""Save real Flink REST answers of the running test jobs as JSON fixtures.

Writes tests/fixtures/flink-<version>/ : cluster-level answers (config, jobmanager config,
overview, taskmanagers, jobs/overview) and, for OrdersPipeline, FlakyJob and JoinJob, the
job detail, plan, config, checkpoints (+ config, + details of the latest completed and the
latest failed one), exceptions (with and without maxExceptions), job metrics, and per
vertex: detail, metric list, aggregated subtask metrics (rates and watermarks),
backpressure, watermarks. Run it while `tests/env/up.sh` is up and the jobs have run for a
minute (so there are checkpoints, a failed one, exceptions and metrics). Values (ids,
times, paths) are whatever the cluster said.

An endpoint that answers with an HTTP error is saved as
{"request": ..., "status": <http status>, "error": <body>} instead of aborting.

--savepoints (changes the cluster): also records the savepoint API — a savepoint of
OrdersPipeline without a target directory (trigger answer, first and final status), one into
an unusable directory (failure-cause), an unknown trigger id (404), and a stop-with-savepoint
of JoinJob, which is then run again from that savepoint (POST /jars/:id/run) so the cluster
keeps its three jobs.

  python tests/env/capture_flink_fixtures.py [--url URL] [--out DIR] [--savepoints]
  (URL: $STREAMLENS_FLINK_URL for 2.3, $STREAMLENS_FLINK120_URL for 1.20)
"""

import argparse
import json
import os
import re
import shutil
import time

import requests

HERE = os.path.dirname(os.path.abspath(__file__))
JOBS = {"OrdersPipeline": "orders-pipeline", "FlakyJob": "flaky-job", "JoinJob": "join-job"}
JOB_PACKAGE = "dev.streamlens.testjobs"
AGG_METRICS = "numRecordsInPerSecond,numRecordsOutPerSecond,busyTimeMsPerSecond,backPressuredTimeMsPerSecond"
LIVE = {"INITIALIZING", "CREATED", "RUNNING", "RESTARTING", "RECONCILING", "FAILING"}
# Task- and operator-level watermark gauges: "currentInputWatermark",
# "<operator>.currentOutputWatermark", "<operator>.currentInput1Watermark" ...
WATERMARK_ID = re.compile(r"^\d+\.((?:[^.]+\.)?current(?:Input\d*|Output)Watermark)$")


class Num(str):
    """A JSON number kept as the literal Flink sent (e.g. 1.796001652464E12), so the fixture
    shows Flink's number format, not Python's re-rendering of it."""


def parse_json(text):
    return json.loads(text, parse_float=Num, parse_int=Num)


def render(v, indent=2, level=0):
    """json.dumps(v, indent=2) that writes Num literals verbatim."""
    pad, inner = " " * (indent * level), " " * (indent * (level + 1))
    if isinstance(v, Num):
        return str(v)
    if isinstance(v, dict):
        if not v:
            return "{}"
        items = [f"{inner}{json.dumps(k, ensure_ascii=False)}: {render(x, indent, level + 1)}" for k, x in v.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(v, list):
        if not v:
            return "[]"
        return "[\n" + ",\n".join(inner + render(x, indent, level + 1) for x in v) + "\n" + pad + "]"
    return json.dumps(v, ensure_ascii=False)


class Capture:
    def __init__(self, url, out):
        self.u = url.rstrip("/")
        self.out = out
        self.s = requests.Session()
        self.saved = []
        self.errors = []

    def call(self, method, path, body=None):
        """(ok, status, json-or-text)"""
        r = self.s.request(method, self.u + path, json=body, timeout=30)
        try:
            data = parse_json(r.text)
        except ValueError:
            data = r.text
        return r.ok, r.status_code, data

    def get(self, path):
        ok, status, data = self.call("GET", path)
        if not ok:
            raise RuntimeError(f"GET {path}: HTTP {status}: {str(data)[:300]}")
        return data

    def save(self, rel, path, method="GET", body=None, data=None):
        """Fetch (unless data is given: an answer already fetched) and write one fixture file.
        Returns the answer, or None when the endpoint answered with an HTTP error."""
        doc = {"request": f"{method} {path}"}
        if body is not None:
            doc["body"] = body
        if data is None:
            ok, status, data = self.call(method, path, body)
        else:
            ok, status = True, 200
        if ok:
            if status not in (200,):
                doc["status"] = status
            doc["response"] = data
        else:
            doc["status"] = status
            doc["error"] = data
            self.errors.append(f"{method} {path} -> HTTP {status}")
        full = os.path.join(self.out, rel)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w", encoding="utf-8") as f:
            f.write(render(doc) + "\n")
        self.saved.append(rel)
        return data if ok else None


def pick_job(cap, name, wait_s=20):
    """The job named `name`: a RUNNING one (waits up to wait_s for a restarting job), else
    the newest live one, else the newest of any state."""
    deadline = time.time() + wait_s
    while True:
        jobs = cap.get("/jobs/overview")["jobs"]
        mine = sorted((j for j in jobs if j["name"] == name), key=lambda j: -int(j["start-time"]))
        running = [j for j in mine if j["state"] == "RUNNING"]
        if running or time.time() > deadline or not any(j["state"] in LIVE for j in mine):
            break
        time.sleep(1)
    pick = running or [j for j in mine if j["state"] in LIVE] or mine
    return pick[0]["jid"] if pick else None


def capture_job(cap, name, slug, jid):
    shutil.rmtree(os.path.join(cap.out, slug), ignore_errors=True)
    job = cap.save(f"{slug}/job.json", f"/jobs/{jid}")
    cap.save(f"{slug}/plan.json", f"/jobs/{jid}/plan")
    cap.save(f"{slug}/job-config.json", f"/jobs/{jid}/config")
    cps = cap.save(f"{slug}/checkpoints.json", f"/jobs/{jid}/checkpoints") or {}
    cap.save(f"{slug}/checkpoints-config.json", f"/jobs/{jid}/checkpoints/config")
    latest = cps.get("latest") or {}
    if latest.get("completed"):
        cap.save(f"{slug}/checkpoint-details.json", f"/jobs/{jid}/checkpoints/details/{latest['completed']['id']}")
    if latest.get("failed"):
        cap.save(f"{slug}/checkpoint-details-failed.json", f"/jobs/{jid}/checkpoints/details/{latest['failed']['id']}")
    cap.save(f"{slug}/exceptions.json", f"/jobs/{jid}/exceptions?maxExceptions=5")
    cap.save(f"{slug}/exceptions-all.json", f"/jobs/{jid}/exceptions")
    cap.save(f"{slug}/job-metrics.json", f"/jobs/{jid}/metrics?get=numRestarts,uptime,lastCheckpointDuration")
    for i, v in enumerate((job or {}).get("vertices", [])):
        vslug = f"vertex-{i}-" + re.sub(r"[^a-z0-9]+", "-", v["name"].lower()).strip("-")[:40]
        vid = v["id"]
        base = f"/jobs/{jid}/vertices/{vid}"
        cap.save(f"{slug}/{vslug}/detail.json", base)
        metric_list = cap.save(f"{slug}/{vslug}/metric-list.json", f"{base}/metrics") or []
        cap.save(f"{slug}/{vslug}/subtasks-metrics-agg.json",
                 f"{base}/subtasks/metrics?get={AGG_METRICS}&agg=min,max,avg,sum")
        # Only ids this vertex has: one unknown id empties the whole aggregated answer.
        wm_ids = sorted({m.group(1) for m in (WATERMARK_ID.match(x["id"]) for x in metric_list) if m})
        if wm_ids:
            cap.save(f"{slug}/{vslug}/subtasks-metrics-watermarks.json",
                     f"{base}/subtasks/metrics?get={','.join(wm_ids)}&agg=min,max")
        cap.save(f"{slug}/{vslug}/backpressure.json", f"{base}/backpressure")
        cap.save(f"{slug}/{vslug}/watermarks.json", f"{base}/watermarks")
    if name == "JoinJob" and job and job.get("vertices"):
        # Quirk: a known id next to an unknown one -> [] for the whole aggregated request.
        vid = job["vertices"][-1]["id"]
        cap.save(f"{slug}/quirk-subtasks-metrics-unknown-id.json",
                 f"/jobs/{jid}/vertices/{vid}/subtasks/metrics?get=currentInputWatermark,noSuchMetric&agg=min,max")


def poll_savepoint(cap, jid, trigger, timeout_s=60):
    """(first status answer, final answer)."""
    first = final = None
    deadline = time.time() + timeout_s
    while time.time() < deadline:
        final = cap.get(f"/jobs/{jid}/savepoints/{trigger}")
        first = first or final
        if final["status"]["id"] == "COMPLETED":
            break
        time.sleep(0.2)
    return first, final


def capture_savepoints(cap):
    d = "savepoints"
    shutil.rmtree(os.path.join(cap.out, d), ignore_errors=True)
    jid = pick_job(cap, "OrdersPipeline")
    # 1. default directory (execution.checkpointing.savepoint-dir from the cluster config)
    trig = cap.save(f"{d}/trigger.json", f"/jobs/{jid}/savepoints", "POST", {"cancel-job": False})
    first, final = poll_savepoint(cap, jid, trig["request-id"])
    cap.save(f"{d}/status-first.json", f"/jobs/{jid}/savepoints/{trig['request-id']}", data=first)
    cap.save(f"{d}/status-completed.json", f"/jobs/{jid}/savepoints/{trig['request-id']}", data=final)
    # 2. an unusable target directory -> COMPLETED with operation.failure-cause
    trig = cap.save(f"{d}/trigger-bad-dir.json", f"/jobs/{jid}/savepoints", "POST",
                    {"target-directory": "file:///proc/streamlens-no-such-dir", "cancel-job": False})
    _, final = poll_savepoint(cap, jid, trig["request-id"])
    cap.save(f"{d}/status-failed.json", f"/jobs/{jid}/savepoints/{trig['request-id']}", data=final)
    # 3. unknown trigger id -> 404 {"errors": [...]}
    cap.save(f"{d}/status-unknown-trigger.json", f"/jobs/{jid}/savepoints/{'0' * 32}")
    cap.save(f"{d}/checkpoints-after.json", f"/jobs/{jid}/checkpoints")

    # 4. stop-with-savepoint of JoinJob, then run it again from that savepoint
    jid = pick_job(cap, "JoinJob")
    trig = cap.save(f"{d}/stop.json", f"/jobs/{jid}/stop", "POST", {"drain": False})
    first, final = poll_savepoint(cap, jid, trig["request-id"])
    cap.save(f"{d}/stop-status-first.json", f"/jobs/{jid}/savepoints/{trig['request-id']}", data=first)
    cap.save(f"{d}/stop-status-completed.json", f"/jobs/{jid}/savepoints/{trig['request-id']}", data=final)
    for _ in range(50):
        if cap.get(f"/jobs/{jid}")["state"] not in LIVE:
            break
        time.sleep(0.2)
    cap.save(f"{d}/stopped-job.json", f"/jobs/{jid}")
    location = (final.get("operation") or {}).get("location")
    jars = cap.save(f"{d}/jars.json", "/jars") or {}
    entry = f"{JOB_PACKAGE}.JoinJob"
    # The newest upload of our jar (it has no Main-Class, so "entry" is [] — run names entryClass).
    jar = next((f for f in sorted(jars.get("files", []), key=lambda f: -int(f["uploaded"]))
                if f["name"] == "streamlens-test-jobs.jar"), None)
    if jar and location:
        cap.save(f"{d}/run-from-savepoint.json", f"/jars/{jar['id']}/run", "POST",
                 {"entryClass": entry, "savepointPath": location})
    else:
        print("JoinJob not re-run (no jar or no savepoint location); run tests/env/flink.sh submit")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", default=os.environ.get("STREAMLENS_FLINK_URL", "http://127.0.0.1:18082"))
    ap.add_argument("--out")
    ap.add_argument("--savepoints", action="store_true",
                    help="also trigger savepoints and stop/re-run JoinJob (changes the cluster)")
    args = ap.parse_args()
    probe = requests.get(args.url.rstrip("/") + "/config", timeout=10)
    probe.raise_for_status()
    version = probe.json()["flink-version"]
    out = args.out or os.path.join(HERE, "..", "fixtures", f"flink-{version}")
    cap = Capture(args.url, out)

    cap.save("config.json", "/config")
    cap.save("jobmanager-config.json", "/jobmanager/config")
    cap.save("overview.json", "/overview")
    cap.save("taskmanagers.json", "/taskmanagers")
    cap.save("jobs-overview.json", "/jobs/overview")
    for name, slug in JOBS.items():
        jid = pick_job(cap, name)
        if not jid:
            print(f"no {name} job on the cluster; skipped")
            continue
        capture_job(cap, name, slug, jid)
    if args.savepoints:
        capture_savepoints(cap)
    print(f"saved {len(cap.saved)} Flink {version} REST answers under {os.path.normpath(out)}")
    for e in cap.errors:
        print(f"  recorded error: {e}")


if __name__ == "__main__":
    main()
