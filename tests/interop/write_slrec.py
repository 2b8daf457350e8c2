#!/usr/bin/env python3
"""Write a small .slrec recording with nothing but Python's sqlite3, from
docs/recording-format.md alone: proves the format can be written by another tool, and
makes the fuzz target's seed. The Rust reader must open it as intact (unsigned).

  python tests/interop/write_slrec.py OUT.slrec [--records N] [--samples N]
"""

import argparse
import hashlib
import json
import sqlite3
import struct

SCHEMA = """
CREATE TABLE manifest (id INTEGER PRIMARY KEY CHECK (id = 1), format_version INTEGER NOT NULL, body TEXT NOT NULL);
CREATE TABLE snapshots (seq INTEGER PRIMARY KEY, ts INTEGER NOT NULL, path TEXT NOT NULL, body TEXT NOT NULL);
CREATE TABLE samples (seq INTEGER PRIMARY KEY, ts INTEGER NOT NULL, vertex TEXT NOT NULL, subtask INTEGER, metric TEXT NOT NULL, value REAL NOT NULL);
CREATE TABLE events (seq INTEGER PRIMARY KEY, ts INTEGER NOT NULL, kind TEXT NOT NULL, summary TEXT NOT NULL, detail TEXT NOT NULL);
CREATE TABLE records (seq INTEGER PRIMARY KEY, ts INTEGER NOT NULL, direction TEXT NOT NULL, topic TEXT NOT NULL, partition INTEGER NOT NULL, offset INTEGER NOT NULL, body TEXT NOT NULL);
CREATE TABLE integrity (id INTEGER PRIMARY KEY CHECK (id = 1), state TEXT NOT NULL, digest TEXT, signature TEXT, public_key TEXT, signer TEXT);
"""
TABLES = ["manifest", "snapshots", "samples", "events", "records"]


def digest(con):
    h = hashlib.sha256()
    for table in TABLES:
        h.update(table.encode() + b"\0")
        order = "id" if table == "manifest" else "seq"
        cur = con.execute(f"SELECT * FROM {table} ORDER BY {order}")
        names = [d[0] for d in cur.description]
        for row in cur:
            for name, value in zip(names, row):
                if value is None:
                    h.update(b"\0")
                    continue
                if isinstance(value, int):
                    tag, data = 1, struct.pack(">q", value)
                elif isinstance(value, float):
                    tag, data = 2, struct.pack(">d", value)
                elif isinstance(value, str):
                    tag, data = 3, value.encode()
                else:
                    tag, data = 4, bytes(value)
                h.update(bytes([tag]) + struct.pack(">Q", len(data)) + data + name.encode())
            h.update(b"\xff")
    return h.hexdigest()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--records", type=int, default=5)
    ap.add_argument("--samples", type=int, default=20)
    args = ap.parse_args()
    con = sqlite3.connect(args.out)
    con.executescript(SCHEMA)
    start = 1_796_000_000_000
    manifest = {
        "formatVersion": 1, "appVersion": "python-interop", "recordedBy": "interop",
        "recordedAt": "2026-11-30T00:00:00Z", "connection": "local", "flinkUrl": "http://127.0.0.1:18082",
        "flinkVersion": "2.3.0", "jobId": "0123456789abcdef0123456789abcdef", "jobName": "PythonJob",
        "start": start, "end": start + args.samples * 1000, "intervalMs": 1000, "policyHash": "0" * 64,
        "maskedForRole": "support", "topics": [{"topic": "in", "direction": "input"}],
    }
    con.execute("INSERT INTO manifest VALUES (1, 1, ?)", (json.dumps(manifest),))
    job = {"jid": manifest["jobId"], "name": "PythonJob", "state": "RUNNING", "now": start,
           "vertices": [{"id": "a" * 32, "name": "Source: in", "parallelism": 1, "status": "RUNNING"}]}
    plan = {"plan": {"jid": manifest["jobId"], "name": "PythonJob", "nodes": [
        {"id": "a" * 32, "parallelism": 1, "description": "Source: in<br/>+- Map<br/>"}]}}
    con.execute("INSERT INTO snapshots (ts, path, body) VALUES (?, ?, ?)", (start, f"jobs/{manifest['jobId']}", json.dumps(job)))
    con.execute("INSERT INTO snapshots (ts, path, body) VALUES (?, ?, ?)", (start, f"jobs/{manifest['jobId']}/plan", json.dumps(plan)))
    for i in range(args.samples):
        con.execute("INSERT INTO samples (ts, vertex, subtask, metric, value) VALUES (?, ?, NULL, 'busyPercent', ?)",
                    (start + i * 1000, "a" * 32, float(i)))
    con.execute("INSERT INTO events (ts, kind, summary, detail) VALUES (?, 'job_state', 'Job RUNNING', ?)",
                (start, json.dumps({"from": None, "to": "RUNNING"})))
    for i in range(args.records):
        body = {"partition": 0, "offset": i, "timestamp": start + i, "timestampKind": "create_time",
                "key": {"format": "text", "text": f"k{i}", "size": 2, "truncated": False, "decoder": "utf-8",
                        "note": None, "schema": None, "failed": False, "masks": []},
                "value": {"format": "json", "text": json.dumps({"n": i}), "size": 7, "truncated": False,
                          "decoder": "json", "note": None, "schema": None, "failed": False, "masks": []},
                "headers": [], "sizeBytes": 9}
        con.execute("INSERT INTO records (ts, direction, topic, partition, offset, body) VALUES (?, 'input', 'in', 0, ?, ?)",
                    (start + i, i, json.dumps(body)))
    con.commit()
    con.execute("INSERT INTO integrity (id, state, digest) VALUES (1, 'final', ?)", (digest(con),))
    con.commit()
    con.close()


if __name__ == "__main__":
    main()
