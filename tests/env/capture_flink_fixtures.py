#!/usr/bin/env python3
"""Save real Flink REST answers of the running test jobs as JSON fixtures.

Writes tests/fixtures/flink-<version>/ : cluster-level answers (config, overview,
taskmanagers, jobs/overview) and, for OrdersPipeline and FlakyJob, the job detail, plan,
config, checkpoints (+ config, + details of the latest), exceptions, job metrics, and per
vertex: detail, metric list, aggregated subtask metrics, backpressure, watermarks.
Run it while `tests/env/up.sh` is up and the jobs have run for a minute (so there are
checkpoints, exceptions and metrics). Values (ids, times) are whatever the cluster said.

  python tests/env/capture_flink_fixtures.py [--url http://127.0.0.1:18082] [--out DIR]
"""

import argparse
import json
import os
import re

import requests

HERE = os.path.dirname(os.path.abspath(__file__))
JOBS = {"OrdersPipeline": "orders-pipeline", "FlakyJob": "flaky-job"}
AGG_METRICS = "numRecordsInPerSecond,numRecordsOutPerSecond,busyTimeMsPerSecond,backPressuredTimeMsPerSecond"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", default=os.environ.get("STREAMLENS_FLINK_URL", "http://127.0.0.1:18082"))
    ap.add_argument("--out")
    args = ap.parse_args()
    u = args.url.rstrip("/")
    s = requests.Session()

    def get(path):
        r = s.get(u + path, timeout=10)
        r.raise_for_status()
        return r.json()

    version = get("/config")["flink-version"]
    out = args.out or os.path.join(HERE, "..", "fixtures", f"flink-{version}")
    saved = []

    def save(rel, path):
        data = get(path)
        full = os.path.join(out, rel)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w", encoding="utf-8") as f:
            json.dump({"request": "GET " + path, "response": data}, f, indent=2, sort_keys=False)
            f.write("\n")
        saved.append(rel)
        return data

    save("config.json", "/config")
    save("overview.json", "/overview")
    save("taskmanagers.json", "/taskmanagers")
    jobs = save("jobs-overview.json", "/jobs/overview")["jobs"]
    for name, slug in JOBS.items():
        live = [j for j in jobs if j["name"] == name and j["state"] == "RUNNING"] or \
               [j for j in jobs if j["name"] == name]
        if not live:
            print(f"no {name} job on the cluster; skipped")
            continue
        jid = live[0]["jid"]
        job = save(f"{slug}/job.json", f"/jobs/{jid}")
        save(f"{slug}/plan.json", f"/jobs/{jid}/plan")
        save(f"{slug}/job-config.json", f"/jobs/{jid}/config")
        cps = save(f"{slug}/checkpoints.json", f"/jobs/{jid}/checkpoints")
        save(f"{slug}/checkpoints-config.json", f"/jobs/{jid}/checkpoints/config")
        latest = (cps.get("latest") or {}).get("completed")
        if latest:
            save(f"{slug}/checkpoint-details.json", f"/jobs/{jid}/checkpoints/details/{latest['id']}")
        save(f"{slug}/exceptions.json", f"/jobs/{jid}/exceptions?maxExceptions=5")
        save(f"{slug}/job-metrics.json", f"/jobs/{jid}/metrics?get=numRestarts,uptime,lastCheckpointDuration")
        for i, v in enumerate(job["vertices"]):
            vslug = f"vertex-{i}-" + re.sub(r"[^a-z0-9]+", "-", v["name"].lower()).strip("-")[:40]
            vid = v["id"]
            save(f"{slug}/{vslug}/detail.json", f"/jobs/{jid}/vertices/{vid}")
            save(f"{slug}/{vslug}/metric-list.json", f"/jobs/{jid}/vertices/{vid}/metrics")
            save(f"{slug}/{vslug}/subtasks-metrics-agg.json",
                 f"/jobs/{jid}/vertices/{vid}/subtasks/metrics?get={AGG_METRICS}&agg=min,max,avg,sum")
            save(f"{slug}/{vslug}/backpressure.json", f"/jobs/{jid}/vertices/{vid}/backpressure")
            save(f"{slug}/{vslug}/watermarks.json", f"/jobs/{jid}/vertices/{vid}/watermarks")
    print(f"saved {len(saved)} Flink {version} REST answers under {os.path.normpath(out)}")


if __name__ == "__main__":
    main()
