#!/usr/bin/env python3
"""Seeds the fuzz corpus from real messages: the topics one run of tests/interop/interop.py
wrote (PREFIX.avro, .avro-evolution, .protobuf, .jsonschema), each payload stripped of its
5-byte Confluent header and prefixed with the selector byte decode_payload.rs uses.

  . tests/env/env.sh
  "$STREAMLENS_PYTHON" tests/interop/interop.py ... --prefix P --out /tmp/interop
  "$STREAMLENS_PYTHON" src-tauri/crates/engine/fuzz/seed_corpus.py --prefix P
"""
import argparse
import hashlib
import os

from confluent_kafka import Consumer, TopicPartition

SELECTORS = {"avro": 0, "avro-evolution": 1, "protobuf": 2, "jsonschema": 3}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bootstrap", default=os.environ.get("STREAMLENS_KAFKA_BOOTSTRAP", "127.0.0.1:19092"))
    ap.add_argument("--prefix", required=True)
    args = ap.parse_args()
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus", "decode_payload")
    os.makedirs(out, exist_ok=True)
    consumer = Consumer({"bootstrap.servers": args.bootstrap, "group.id": "streamlens-fuzz-seed",
                         "enable.auto.commit": False})
    written = 0
    for suffix, selector in SELECTORS.items():
        topic = f"{args.prefix}.{suffix}"
        low, high = consumer.get_watermark_offsets(TopicPartition(topic, 0), timeout=10)
        consumer.assign([TopicPartition(topic, 0, low)])
        for _ in range(high - low):
            message = consumer.poll(30)
            if message is None or message.error():
                raise SystemExit(f"cannot read {topic}: {message and message.error()}")
            seed = bytes([selector]) + message.value()[5:]
            name = hashlib.sha1(seed).hexdigest()
            with open(os.path.join(out, name), "wb") as f:
                f.write(seed)
            written += 1
    consumer.close()
    print(f"seed_corpus: wrote {written} seeds to {out}")


if __name__ == "__main__":
    main()
