#!/usr/bin/env python3
"""Read the demo topics back from the broker and check them (tests/env smoke check).

Consumes demo.customers, demo.orders and demo.payments from the beginning with a fresh
consumer group, decodes the Confluent-framed Avro of demo.orders through the registry
(GET /schemas/ids/{id}), checks the payments' headers, and prints per-topic counts and one
sample each. Exits 1 when a topic is empty or a message does not decode.

  python tests/env/check_demo.py [--min 200]
"""

import argparse
import io
import json
import os
import struct
import sys
import time

import fastavro
import requests
from confluent_kafka import Consumer

TOPICS = ["demo.customers", "demo.orders", "demo.payments"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bootstrap", default=os.environ.get("STREAMLENS_KAFKA_BOOTSTRAP", "127.0.0.1:19092"))
    ap.add_argument("--registry", default=os.environ.get("STREAMLENS_REGISTRY_URL", "http://127.0.0.1:18081"))
    ap.add_argument("--min", type=int, default=1, help="minimum messages per topic")
    ap.add_argument("--timeout", type=float, default=30)
    args = ap.parse_args()

    c = Consumer({"bootstrap.servers": args.bootstrap, "group.id": f"streamlens-check-{time.time_ns()}",
                  "auto.offset.reset": "earliest", "enable.auto.commit": False, "enable.partition.eof": True})
    c.subscribe(TOPICS)
    counts = {t: 0 for t in TOPICS}
    partitions = {t: set() for t in TOPICS}
    samples = {}
    schemas = {}
    eof = set()
    errors = []
    deadline = time.time() + args.timeout
    t0 = time.time()
    try:
        while time.time() < deadline:
            msg = c.poll(1.0)
            if msg is None:
                continue
            if msg.error():
                if msg.error().code() == -191:  # _PARTITION_EOF
                    eof.add((msg.topic(), msg.partition()))
                    if len(eof) == 3 * len(TOPICS):
                        break
                    continue
                errors.append(str(msg.error()))
                continue
            t = msg.topic()
            counts[t] += 1
            partitions[t].add(msg.partition())
            value = msg.value()
            try:
                if t == "demo.orders":
                    magic, sid = struct.unpack(">bI", value[:5])
                    assert magic == 0, f"magic byte {magic}"
                    if sid not in schemas:
                        r = requests.get(f"{args.registry}/schemas/ids/{sid}", timeout=5)
                        r.raise_for_status()
                        schemas[sid] = fastavro.parse_schema(json.loads(r.json()["schema"]))
                    decoded = fastavro.schemaless_reader(io.BytesIO(value[5:]), schemas[sid])
                else:
                    decoded = json.loads(value)
                if t == "demo.payments":
                    h = dict(msg.headers() or [])
                    assert b"@" in h["user-email"] and len(h["trace-id"]) == 32, h
                samples.setdefault(t, (msg.key().decode(), decoded, msg.headers()))
            except Exception as e:  # noqa: BLE001
                errors.append(f"{t}@{msg.partition()}/{msg.offset()}: {e}")
    finally:
        c.close()

    for t in TOPICS:
        key, value, headers = samples.get(t, (None, None, None))
        print(f"{t}: {counts[t]} messages in partitions {sorted(partitions[t])}; sample key={key}")
        print("   " + json.dumps(value, ensure_ascii=False, default=str)[:300])
        if headers:
            print("   headers: " + ", ".join(f"{k}={v.decode()}" for k, v in headers))
    print(f"read in {int((time.time() - t0) * 1000)} ms")
    bad = [t for t in TOPICS if counts[t] < args.min]
    if errors or bad:
        print(f"FAILED: too few messages in {bad}; errors: {errors[:5]}")
        sys.exit(1)
    print("demo topics ok")


if __name__ == "__main__":
    main()
