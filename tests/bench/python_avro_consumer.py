#!/usr/bin/env python3
"""Dump a topic of Confluent-framed Avro values to JSON lines: the script a user would
write instead of `streamlens consume <topic> --from earliest --format jsonl`.

confluent-kafka's Consumer reads every partition from the beginning up to the end offsets
it had at the start (like `kcat -e`), the registry-aware AvroDeserializer (fastavro inside)
decodes each value, and json writes one line per record in the shape Streamlens writes:

  {"topic":…,"partition":…,"offset":…,"timestamp":…,"key":…,"value":…,"headers":[…]}

Avro values become JSON as docs/decoding.md says: decimal as a string with exactly `scale`
digits, timestamp-millis as "2024-02-29T13:45:07.123Z", date as "2024-02-29", uuid as a
string, bytes as base64. (Written for the benchmark's schema: timestamps are millis.)

  python tests/bench/python_avro_consumer.py --bootstrap 127.0.0.1:19092 \\
      --registry http://127.0.0.1:18081 --topic bench.avro.1m > out.jsonl

Used by avro_vs_python.py, which times it against Streamlens.
"""

import argparse
import base64
import datetime
import decimal
import json
import os
import sys
import uuid

from confluent_kafka import Consumer, KafkaException, TopicPartition
from confluent_kafka import TIMESTAMP_NOT_AVAILABLE
from confluent_kafka.schema_registry import SchemaRegistryClient
from confluent_kafka.schema_registry.avro import AvroDeserializer
from confluent_kafka.serialization import MessageField, SerializationContext


def to_json(obj):
    """json's `default`: what fastavro returns for Avro's logical types and bytes."""
    if isinstance(obj, datetime.datetime):  # before date: a datetime is a date too
        return obj.astimezone(datetime.timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    if isinstance(obj, datetime.date):
        return obj.isoformat()
    if isinstance(obj, decimal.Decimal):
        return format(obj, "f")  # keeps the exponent fastavro gives it: exactly `scale` digits
    if isinstance(obj, uuid.UUID):
        return str(obj)
    if isinstance(obj, (bytes, bytearray)):
        return base64.b64encode(obj).decode("ascii")
    raise TypeError(f"{type(obj).__name__} is not JSON serializable")


def text_or_none(data):
    return None if data is None else data.decode("utf-8", errors="replace")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bootstrap", default=os.environ.get("STREAMLENS_KAFKA_BOOTSTRAP", "127.0.0.1:19092"))
    ap.add_argument("--registry", default=os.environ.get("STREAMLENS_REGISTRY_URL", "http://127.0.0.1:18081"))
    ap.add_argument("--topic", required=True)
    ap.add_argument("-o", "--output", help="default: stdout")
    args = ap.parse_args()

    registry = SchemaRegistryClient({"url": args.registry})
    deserialize = AvroDeserializer(registry)
    ctx = SerializationContext(args.topic, MessageField.VALUE)
    consumer = Consumer({"bootstrap.servers": args.bootstrap, "group.id": "python-avro-dump",
                         "enable.auto.commit": False, "auto.offset.reset": "earliest"})
    meta = consumer.list_topics(args.topic, timeout=10).topics[args.topic]
    if meta.error is not None:
        raise KafkaException(meta.error)
    end = {}  # partition -> the end offset to stop at
    start = []
    for p in sorted(meta.partitions):
        low, high = consumer.get_watermark_offsets(TopicPartition(args.topic, p), timeout=10)
        if high > low:
            end[p] = high
            start.append(TopicPartition(args.topic, p, low))
    consumer.assign(start)

    if args.output:
        out = open(args.output, "w", encoding="utf-8", buffering=1 << 20)
    else:
        out = open(sys.stdout.fileno(), "w", encoding="utf-8", buffering=1 << 20, closefd=False)
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=to_json).encode
    try:
        while end:
            for msg in consumer.consume(1000, timeout=1.0):
                if msg.error():
                    raise KafkaException(msg.error())
                p, offset = msg.partition(), msg.offset()
                if p not in end or offset >= end[p]:
                    continue
                ts_type, ts = msg.timestamp()
                out.write(dumps({
                    "topic": msg.topic(), "partition": p, "offset": offset,
                    "timestamp": None if ts_type == TIMESTAMP_NOT_AVAILABLE else ts,
                    "key": text_or_none(msg.key()),
                    "value": deserialize(msg.value(), ctx),
                    "headers": [{"key": k, "value": text_or_none(v)} for k, v in msg.headers() or ()],
                }))
                out.write("\n")
                if offset + 1 >= end[p]:
                    del end[p]
        out.flush()
    finally:
        consumer.close()


if __name__ == "__main__":
    main()
