#!/usr/bin/env python3
"""Benchmark Avro decoding: `streamlens consume --format jsonl` against a Python consumer.

Fills a topic with N Confluent-framed Avro records (~20 fields, ~300 B; schema registered
as <topic>-value; 3 partitions; reused when already there, topped up when short, never
deleted), then dumps it all to JSON lines from the beginning with both, in the same
session, alternating, several runs each:

  - streamlens consume <topic> -c bench --from earliest --format jsonl   (connection with the registry)
  - tests/bench/python_avro_consumer.py: what a user would otherwise script — confluent-kafka's
    Consumer + AvroDeserializer (fastavro), json.dumps per record

Each run is a child process measured like consume_vs_kcat.py (wall; user + sys CPU from
wait4; peak RSS from GNU time). A run that writes another number of lines than the topic
holds fails. The outputs are compared record for record — by (partition, offset): key and
the decoded value, parsed and compared exactly (field order and number types included) —
against the first complete Python run, which is itself checked against the generated
data. A run whose output differs fails too (with the first differences), it is not timed.
Writes its section of docs/benchmarks.md and the raw figures to tests/bench/results/.

  . tests/env/env.sh
  "$STREAMLENS_PYTHON" tests/bench/avro_vs_python.py [--messages 1000000] [--runs 3] [--streamlens PATH]

Needs confluent-kafka with its schema_registry extras and fastavro (the tests/env venv).
See tests/bench/README.md.
"""

import argparse
import datetime
import decimal
import hashlib
import io
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from array import array

import confluent_kafka
import fastavro
from confluent_kafka import Consumer, TopicPartition
from confluent_kafka.schema_registry import Schema, SchemaRegistryClient

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from consume_vs_kcat import COUNTRIES, DOMAINS, FIRST, LAST, ascii_fold  # noqa: E402
from harness import (begin, BASE_TS_MS, ROOT, add_common_args, broker_facts, check,  # noqa: E402
                     default_topic, ensure_topic, git_rev, load_results, log, measure,
                     rounds, run_line, save_results, setup_streamlens, streamlens_cmd,
                     topic_counts, write_doc)
from python_avro_consumer import to_json  # noqa: E402
from report import (METHOD_MEASURE, broker_line, existing_notes, failed_lines, fmt, machine_lines,  # noqa: E402
                    mib, notes_and_reproduce, put_section, ratio, run_medians)

BENCHMARK = "avro_vs_python"
TITLE = "Avro decode: streamlens vs a Python confluent-kafka consumer"
SECTION = "avro"
SECTION_BEGIN = (f"<!-- section {SECTION}: begin (written by tests/bench/avro_vs_python.py; "
                 "the other benchmarks keep it when they rewrite this file) -->")
SECTION_END = f"<!-- section {SECTION}: end -->"
NOTES_BEGIN = "<!-- avro-notes:begin (kept when avro_vs_python.py rewrites its section) -->"
NOTES_END = "<!-- avro-notes:end -->"
TARGET_CPU_SPEEDUP = 3.0  # Streamlens at least 3× less CPU than the Python consumer
CLIENTS = ["streamlens", "python"]
CONSUMER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "python_avro_consumer.py")
EXAMPLES = 5  # differences kept per run

# ---------------------------------------------------------------------------------------
# The data: order events as Avro, deterministic per (seed, index). Field order is not
# alphabetical (a decoder must keep schema order), `sequence` is above 2^53 (longs must be
# exact), map entries are not in key order (a decoder must keep the encoded order).

SCHEMA = {
    "type": "record", "name": "OrderEvent", "namespace": "dev.streamlens.bench",
    "doc": "Synthetic web-shop order events for tests/bench/avro_vs_python.py",
    "fields": [
        {"name": "event_id", "type": {"type": "string", "logicalType": "uuid"}},
        {"name": "sequence", "type": "long"},
        {"name": "type", "type": {"type": "enum", "name": "EventType",
                                  "symbols": ["CREATED", "PAID", "SHIPPED", "DELIVERED", "CANCELLED", "REFUNDED"]}},
        {"name": "at", "type": {"type": "long", "logicalType": "timestamp-millis"}},
        {"name": "order_id", "type": "string"},
        {"name": "customer_id", "type": "string"},
        {"name": "customer_name", "type": "string"},
        {"name": "email", "type": "string"},
        {"name": "shipping_address", "type": "string"},
        {"name": "country", "type": "string"},
        {"name": "delivery_date", "type": {"type": "int", "logicalType": "date"}},
        {"name": "item_count", "type": "int"},
        {"name": "amount", "type": {"type": "bytes", "logicalType": "decimal", "precision": 12, "scale": 2}},
        {"name": "currency", "type": "string"},
        {"name": "exchange_rate", "type": "double"},
        {"name": "discount", "type": ["null", "double"], "default": None},
        {"name": "express", "type": "boolean"},
        {"name": "gift_wrap", "type": "boolean"},
        {"name": "latitude", "type": "double"},
        {"name": "longitude", "type": "double"},
        {"name": "user_agent", "type": "string"},
        {"name": "tags", "type": {"type": "array", "items": "string"}},
        {"name": "attributes", "type": {"type": "map", "values": "string"}},
        {"name": "checksum", "type": "bytes"},
    ],
}
PARSED = fastavro.parse_schema(SCHEMA)
TYPES = ["CREATED", "CREATED", "PAID", "PAID", "SHIPPED", "DELIVERED", "CANCELLED", "REFUNDED"]
CITIES = {"DE": [("Berlin", "Hauptstraße", "10115"), ("München", "Leopoldstraße", "80802")],
          "FR": [("Paris", "rue de Rivoli", "75001"), ("Lyon", "rue Mercière", "69002")],
          "NL": [("Amsterdam", "Keizersgracht", "1015 CJ"), ("Utrecht", "Oudegracht", "3511 AB")],
          "GB": [("London", "Baker Street", "NW1 6XE"), ("Leeds", "Briggate", "LS1 6HD")],
          "US": [("Boston", "Beacon St", "MA 02108"), ("Austin", "Congress Ave", "TX 78701")],
          "JP": [("Tōkyō", "Chūō-dōri", "104-0061"), ("Ōsaka", "Midōsuji", "542-0086")]}
TAGS = ["priority", "b2b", "first-order", "newsletter", "gift 🎁", "loyalty", "fragile"]
USER_AGENTS = ["Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) Mobile/15E148",
               "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Firefox/126.0",
               "Mozilla/5.0 (X11; Linux x86_64) Chrome/125.0.0.0 Safari/537.36",
               "ShopApp/4.12.1 (Android 14; Pixel 8)", "ShopApp/4.12.0 (iOS 17.5; iPad13,4)",
               "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) Safari/605.1.15"]
APARTMENT = ' (Apt "B")'  # quotes to escape in JSON, now and then
CHANNELS = ["web", "ios", "android", "marketplace"]
CAMPAIGNS = ["spring-sale", "black-friday", "newsletter-42", "retarget"]
SEQ_BASE = 1_790_000_000_000_000_000  # > 2^53: a double would round it
EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)
FIRST_DELIVERY = datetime.date(2026, 1, 3)


def event(seed, i):
    """(key, value, timestamp ms) of record i; the value as the Python objects fastavro takes
    and gives back (UUID, datetime, date, Decimal, bytes)."""
    r = random.Random((seed * 1_000_003 + i) ^ 0xA5A5)
    first, last = r.choice(FIRST), r.choice(LAST)
    country, currency = r.choice(COUNTRIES)
    city, street, postcode = r.choice(CITIES[country])
    kind = r.choice(TYPES)
    items = r.choice((1, 1, 1, 2, 2, 3, 5))
    cents = sum(r.randrange(199, 25000) for _ in range(items))
    if kind == "CANCELLED":
        cents = 0
    elif kind == "REFUNDED":
        cents = -r.randrange(1, cents)
    attributes = {"channel": r.choice(CHANNELS)}
    if r.random() < 0.5:
        attributes["campaign"] = r.choice(CAMPAIGNS)
    if r.random() < 0.3:
        attributes["ab_variant"] = r.choice("AB")
    value = {
        "event_id": uuid.UUID(int=r.getrandbits(128), version=4),
        "sequence": SEQ_BASE + i * 7919 + r.randrange(7919),
        "type": kind,
        "at": EPOCH + datetime.timedelta(milliseconds=BASE_TS_MS + i * 37 + r.randrange(37)),
        "order_id": f"O-{i:08d}",
        "customer_id": f"C-{r.randint(1, 50000):06d}",
        "customer_name": f"{first} {last}",
        "email": f"{ascii_fold(first)}.{ascii_fold(last)}@{r.choice(DOMAINS)}",
        "shipping_address": f"{street} {r.randint(1, 240)}{APARTMENT if r.random() < 0.05 else ''}, {postcode} {city}",
        "country": country,
        "delivery_date": FIRST_DELIVERY + datetime.timedelta(days=i // 5000 + r.randint(1, 9)),
        "item_count": items,
        "amount": decimal.Decimal(cents).scaleb(-2),
        "currency": currency,
        "exchange_rate": 1.0 if currency == "EUR" else round(r.uniform(0.005, 1.4), 6),
        "discount": None if r.random() < 0.6 else round(r.uniform(0.5, 30.0), 2),
        "express": r.random() < 0.2,
        "gift_wrap": r.random() < 0.1,
        "latitude": round(r.uniform(-45.0, 65.0), 6),
        "longitude": round(r.uniform(-120.0, 150.0), 6),
        "user_agent": r.choice(USER_AGENTS),
        "tags": r.sample(TAGS, r.choice((0, 1, 1, 2, 3))),
        "attributes": attributes,
        "checksum": r.getrandbits(32).to_bytes(4, "big"),
    }
    return f"O-{i:08d}".encode(), value, BASE_TS_MS + i


def encoder(schema_id):
    """value -> Confluent framing (magic 0, 4-byte big-endian schema id) + Avro binary."""
    head = b"\x00" + schema_id.to_bytes(4, "big")
    buf = io.BytesIO()

    def encode(value):
        buf.seek(0)
        buf.truncate()
        buf.write(head)
        fastavro.schemaless_writer(buf, PARSED, value)
        return buf.getvalue()
    return encode


def records(seed, schema_id):
    encode = encoder(schema_id)

    def gen(start, end):
        for i in range(start, end):
            key, value, ts = event(seed, i)
            yield key, encode(value), ts
    return gen


def value_sizes(seed, schema_id, messages):
    encode = encoder(schema_id)
    sizes = [len(encode(event(seed, i)[1])) for i in range(0, messages, max(1, messages // 2000))]
    return {"value_bytes_mean": round(statistics.mean(sizes)), "value_bytes_min": min(sizes),
            "value_bytes_max": max(sizes), "key_bytes": len(event(seed, 0)[0]), "fields": len(SCHEMA["fields"])}


def expected_json(seed, i):
    """What both clients should write for record i: (key, value) as parsed JSON."""
    key, value, _ = event(seed, i)
    return key.decode(), json.loads(json.dumps(value, ensure_ascii=False, default=to_json))


# ---------------------------------------------------------------------------------------
# Registry and topic

def register(registry_url, topic):
    client = SchemaRegistryClient({"url": registry_url})
    subject = f"{topic}-value"
    schema_id = client.register_schema(subject, Schema(json.dumps(SCHEMA), "AVRO"))
    log(f"schema: subject {subject}, id {schema_id} ({registry_url})")
    return subject, schema_id


def framed_ids(bootstrap, topic):
    """{partition: schema id (or a note)} of the newest record of each non-empty partition."""
    marks = topic_counts(bootstrap, topic) or {}
    want = {p: hi - 1 for p, (lo, hi) in marks.items() if hi > lo}
    if not want:
        return {}
    c = Consumer({"bootstrap.servers": bootstrap, "group.id": "streamlens-bench-check",
                  "enable.auto.commit": False})
    found = {}
    try:
        c.assign([TopicPartition(topic, p, o) for p, o in want.items()])
        deadline = time.time() + 60
        while len(found) < len(want) and time.time() < deadline:
            msg = c.poll(1.0)
            if msg is None or msg.error():
                continue
            v = msg.value() or b""
            found[msg.partition()] = int.from_bytes(v[1:5], "big") if len(v) >= 5 and v[0] == 0 else \
                f"not Confluent-framed ({v[:8].hex()}…)"
    finally:
        c.close()
    return found


def check_existing(args, schema_id):
    """An existing topic must have been produced with the schema as registered now."""
    ids = framed_ids(args.bootstrap, args.topic)
    wrong = {p: v for p, v in ids.items() if v != schema_id}
    if wrong:
        sys.exit(f"{args.topic} was produced with schema id(s) {wrong}, but this schema registers as id "
                 f"{schema_id} (registry reset, or SCHEMA changed). Topics are never deleted here: pass "
                 f"--topic with a new name.")


# ---------------------------------------------------------------------------------------
# The outputs: indexed by (partition, offset), compared record for record

class Output:
    """One run's JSON lines, indexed: for each (partition, offset) a 16-byte digest of its
    [key, value] (re-serialized from the parsed JSON: field order and number types count)
    and where its line starts in the file."""

    def __init__(self, path, marks):
        self.path = path
        self.low = {p: lo for p, (lo, hi) in marks.items()}
        self.size = {p: max(hi - lo, 0) for p, (lo, hi) in marks.items()}
        self.digest = {p: bytearray(16 * n) for p, n in self.size.items()}
        self.pos = {p: array("q", [-1]) * n for p, n in self.size.items()}
        self.problems = []  # (what, line number) of lines that cannot be placed
        self.duplicates = 0
        with open(path, "rb") as f:
            at = 0
            for n, line in enumerate(f, 1):
                self._add(line, at, n)
                at += len(line)

    def _add(self, line, at, n):
        try:
            obj = json.loads(line)
            p, o = obj["partition"], obj["offset"]
            i = o - self.low[p]
            if not 0 <= i < self.size[p]:
                raise KeyError(o)
        except (ValueError, KeyError, TypeError) as e:
            if len(self.problems) < EXAMPLES:
                self.problems.append(f"line {n}: {type(e).__name__} {str(e)[:80]}: {line[:120]!r}")
            return
        if self.pos[p][i] >= 0:
            self.duplicates += 1
            return
        canon = json.dumps([obj.get("key"), obj.get("value")], ensure_ascii=False, separators=(",", ":"))
        self.digest[p][16 * i:16 * i + 16] = hashlib.blake2b(canon.encode(), digest_size=16).digest()
        self.pos[p][i] = at

    def line(self, p, o):
        at = self.pos[p][o - self.low[p]]
        if at < 0:
            return None
        with open(self.path, "rb") as f:
            f.seek(at)
            return json.loads(f.readline())

    def missing(self):
        return sum(self.pos[p].count(-1) for p in self.pos)

    def records(self):
        for p in sorted(self.pos):
            for i, at in enumerate(self.pos[p]):
                if at >= 0:
                    yield p, self.low[p] + i


def differing(a, b):
    """(count, first few (partition, offset)) where a and b differ, missing ones included."""
    count, first = 0, []
    for p in sorted(a.digest):
        if a.digest[p] == b.digest[p] and a.pos[p].count(-1) == 0 and b.pos[p].count(-1) == 0:
            continue
        da, db, pa, pb = a.digest[p], b.digest[p], a.pos[p], b.pos[p]
        for i in range(a.size[p]):
            if pa[i] < 0 or pb[i] < 0 or da[16 * i:16 * i + 16] != db[16 * i:16 * i + 16]:
                count += 1
                if len(first) < EXAMPLES:
                    first.append((p, a.low[p] + i))
    return count, first


def short(v, n=160):
    text = json.dumps(v, ensure_ascii=False, separators=(",", ":"))
    return text if len(text) <= n else text[:n] + "…"


def describe(p, o, got, want, who):
    """One difference: the record's fields that differ, or why the record is not comparable."""
    out = {"partition": p, "offset": o}
    if got is None or want is None:
        out["problem"] = f"missing from {who if got is None else 'the reference'}"
        return out
    if got.get("key") != want.get("key"):
        out["key"] = {who: got.get("key"), "reference": want.get("key")}
    gv, wv = got.get("value"), want.get("value")
    undecoded = isinstance(gv, dict) and gv and set(gv) <= {"hex", "withheld", "error"}
    if isinstance(gv, dict) and isinstance(wv, dict) and not undecoded:
        fields = []
        for k in list(wv) + [k for k in gv if k not in wv]:
            a, b = gv.get(k, "<absent>"), wv.get(k, "<absent>")
            if json.dumps(a, ensure_ascii=False) != json.dumps(b, ensure_ascii=False):
                fields.append({"field": k, who: short(a), "reference": short(b)})
        out["fields"] = fields
        if not fields and list(gv) != list(wv):
            out["problem"] = f"same fields and values, other order: {who} {list(gv)}"
    else:
        out["value"] = {who: short(gv, 300), "reference": short(wv, 300)}
        if undecoded and "error" in gv:
            out["problem"] = f"value not decoded, error: {str(gv['error'])[:200]}"
        elif undecoded:
            out["problem"] = (f"value not decoded ({'/'.join(gv)}): no Avro decoding in this binary, "
                              "or a decode error")
        elif isinstance(gv, str) and gv[:1] in "{[":
            try:
                inner = json.loads(gv)
            except ValueError:
                inner = None
            if inner is not None:
                same = json.dumps(inner, ensure_ascii=False) == json.dumps(wv, ensure_ascii=False)
                out["problem"] = ("value written as a JSON string holding the JSON, not inline"
                                  + (" (its content is equal)" if same else " (its content differs too)"))
    return out


def compare(run, out, ref, who):
    """Marks run failed when out differs from the reference output; keeps the first differences."""
    n, first = differing(out, ref)
    run["compared_records"] = sum(out.size.values())
    run["differing_records"] = n
    run["differences"] = [describe(p, o, out.line(p, o), ref.line(p, o), who) for p, o in first]
    run["equal"] = n == 0 and not out.duplicates and not out.problems
    if out.problems or out.duplicates:
        run["output_problems"] = out.problems + ([f"{out.duplicates} duplicate records"] if out.duplicates else [])
    if not run["equal"] and not run["failed"]:
        why = [f"{n:,} of {run['compared_records']:,} records differ from the Python consumer's"] if n else []
        why += [f"{len(out.problems)}+ unreadable lines"] if out.problems else []
        why += [f"{out.duplicates:,} duplicates"] if out.duplicates else []
        first_at = f" (first: partition {first[0][0]} offset {first[0][1]})" if first else ""
        run["failed"] = "output: " + ", ".join(why) + first_at


def check_reference(run, out, seed):
    """The Python output, record by record against the generator, for a sample of records: the
    reference itself must be right (fastavro round trip + docs/decoding.md's JSON forms)."""
    step = max(1, sum(out.size.values()) // 2000)
    bad, checked = [], 0
    for n, (p, o) in enumerate(out.records()):
        if n % step:
            continue
        got = out.line(p, o)
        key = got.get("key") or ""
        if not key.startswith("O-"):
            bad.append({"partition": p, "offset": o, "problem": f"unexpected key {key!r}"})
            break
        want_key, want_value = expected_json(seed, int(key[2:]))
        checked += 1
        if json.dumps([got.get("key"), got.get("value")], ensure_ascii=False) != \
                json.dumps([want_key, want_value], ensure_ascii=False):
            bad.append(describe(p, o, got, {"key": want_key, "value": want_value}, "python"))
            if len(bad) >= EXAMPLES:
                break
    run["reference_checked"] = checked
    if bad:
        run["differences"] = bad
        run["failed"] = run["failed"] or f"output differs from the generated data ({len(bad)}+ of {checked} sampled)"
    return not bad


# ---------------------------------------------------------------------------------------
# The report: this benchmark's section of docs/benchmarks.md

def summarize(results):
    s = {}
    for c in CLIENTS:
        s[c] = run_medians([r for r in results["runs"] if r["client"] == c and not r["failed"]])
        compared = [r for r in results["runs"] if r["client"] == c and r.get("equal") is not None]
        s[c]["compared"] = len(compared)
        s[c]["equal"] = sum(1 for r in compared if r["equal"])
    return s


def history(results_dir):
    out = []
    for name in sorted(os.listdir(results_dir)) if results_dir and os.path.isdir(results_dir) else []:
        try:
            r = json.load(open(os.path.join(results_dir, name), encoding="utf-8")) if name.endswith(".json") else {}
            if r.get("benchmark") != BENCHMARK:
                continue
            s = summarize(r)
            out.append({"count": r["topic"]["count"], "finished": r["finished"], "s": s["streamlens"],
                        "p": s["python"], "runs": {c: sum(x["client"] == c for x in r["runs"]) for c in CLIENTS}})
        except (OSError, ValueError, KeyError):
            continue
    return sorted(out, key=lambda h: h["count"])


def render_section(r, notes):
    s = summarize(r)
    S, P = s["streamlens"], s["python"]
    n, t = r["topic"]["count"], r["topic"]
    speedup = ratio(P["cpu"], S["cpu"])
    equal_ok = None if not S["compared"] else S["equal"] == S["compared"]

    def met(ok):
        return "—" if ok is None else ("**met**" if ok else "**not met**")

    out = [SECTION_BEGIN, f"## {TITLE}", ""]
    w = out.append
    w(f"Generated by `tests/bench/avro_vs_python.py`. Measured {r['finished']} on `{t['topic']}`: {n:,} "
      f"Confluent-framed Avro records ({t['partitions']} partitions; record `OrderEvent`, {t['fields']} fields, "
      f"schema id {r['schema_id']} under `{r['subject']}`; value ≈ {t['value_bytes_mean']} B with the 5-byte "
      f"framing, {t['value_bytes_min']}–{t['value_bytes_max']} B; key {t['key_bytes']} B; producer compression "
      f"{t['compression']}), dumped to JSON lines by both. Medians of {S['n']} Streamlens and {P['n']} Python runs.")
    if r.get("scaled_down"):
        w("")
        w(f"**Not the full size:** {r['scaled_down']}")
    w("")
    w("| | Streamlens | Python consumer | Python / Streamlens | target | |")
    w("|---|---:|---:|---:|---|---|")
    w(f"| client CPU time (user + sys) | {fmt(S['cpu'], '.2f', ' s')} | {fmt(P['cpu'], '.2f', ' s')} | "
      f"{fmt(speedup, '.2f', '×')} | Streamlens ≥ {TARGET_CPU_SPEEDUP:g}× faster | "
      f"{met(None if speedup is None else speedup >= TARGET_CPU_SPEEDUP)} |")
    w(f"| — of which user / sys | {fmt(S['user'], '.2f')} / {fmt(S['sys'], '.2f')} s | "
      f"{fmt(P['user'], '.2f')} / {fmt(P['sys'], '.2f')} s | | | |")
    w(f"| CPU per record | {fmt(S['cpu'] and S['cpu'] / n * 1e6, '.2f', ' µs')} | "
      f"{fmt(P['cpu'] and P['cpu'] / n * 1e6, '.2f', ' µs')} | | | |")
    w(f"| wall time | {fmt(S['wall'], '.1f', ' s')} | {fmt(P['wall'], '.1f', ' s')} | "
      f"{fmt(ratio(P['wall'], S['wall']), '.2f', '×')} | (broker-bound) | |")
    w(f"| throughput | {fmt(S['wall'] and n / S['wall'], ',.0f', ' rec/s')} | "
      f"{fmt(P['wall'] and n / P['wall'], ',.0f', ' rec/s')} | | | |")
    w(f"| peak RSS (median of runs) | {fmt(mib(S['maxrss_kib']), '.1f', ' MiB')} | "
      f"{fmt(mib(P['maxrss_kib']), '.1f', ' MiB')} | {fmt(ratio(P['maxrss_kib'], S['maxrss_kib']), '.2f', '×')} | | |")
    w(f"| peak RSS (highest run) | {fmt(mib(S['max_rss_kib']), '.1f', ' MiB')} | "
      f"{fmt(mib(P['max_rss_kib']), '.1f', ' MiB')} | | | |")
    w(f"| JSON equal to the Python consumer's, record for record | {S['equal']} of {S['compared']} runs | "
      f"(the reference) | | every run | {met(equal_ok)} |")
    w("")
    uncompared = sum(1 for x in r["runs"] if x["client"] == "streamlens" and x.get("equal") is None)
    if uncompared:
        w(f"{uncompared} Streamlens run(s) were not compared (they did not read every record, or there was "
          "no complete Python run to compare with).")
        w("")
    out.extend(failed_lines(r["runs"], lambda x: "full read"))

    diffs = [x for x in r["runs"] if x.get("differences")]
    if diffs:
        w("### Output differences")
        w("")
        w("The first differing records of each run whose output is not the reference's "
          "(by partition and offset; `reference` is the first complete Python run):")
        w("")
        shown = {}
        for x in diffs:
            sig = json.dumps(x["differences"], sort_keys=True)
            if sig in shown:
                w(f"- run {x['round']}, {x['client']}: {x['failed'] or 'differs'} — the same records and "
                  f"differences as run {shown[sig]}")
                continue
            shown[sig] = x["round"]
            w(f"- run {x['round']}, {x['client']}: " + (x["failed"] or "differs"))
            for d in x["differences"][:3]:
                where = f"partition {d['partition']} offset {d['offset']}"
                if d.get("problem"):
                    w(f"  - {where}: {d['problem']}")
                if d.get("key"):
                    w(f"  - {where}: key `{short(d['key'][x['client']], 80)}`, reference "
                      f"`{short(d['key']['reference'], 80)}`")
                if d.get("value"):
                    w(f"  - {where}: value `{d['value'][x['client']][:120]}…`, reference "
                      f"`{d['value']['reference'][:120]}…`")
                for f in d.get("fields", [])[:8]:
                    w(f"  - {where}, `{f['field']}`: `{f[x['client']]}`, reference `{f['reference']}`")
                if len(d.get("fields", [])) > 8:
                    w(f"  - {where}: and {len(d['fields']) - 8} more fields")
            for problem in x.get("output_problems", []):
                w(f"  - {problem}")
        w("")

    w("### Runs")
    w("")
    w("| # | client | rows | stdout | wall | user | sys | user + sys | peak RSS | broker CPU | machine busy | "
      "output | |")
    w("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|")
    for x in r["runs"]:
        if x.get("reference"):
            eq = f"reference ({x['reference_checked']} checked against the generator)"
        else:
            eq = {True: "equal", False: "differs", None: "not compared"}[x.get("equal")]
        w(f"| {x['round']} | {x['client']} | {x['lines']:,} | {x['bytes'] / 1e6:,.0f} MB | {x['wall']:.1f} s | "
          f"{x['user']:.2f} s | {x['sys']:.2f} s | {x['cpu']:.2f} s | {fmt(mib(x['maxrss_kib']), '.1f', ' MiB')} | "
          f"{fmt(x['broker_cpu'], '.1f', ' s')} | {x['machine_busy_cores']:.2f} cores | {eq} | "
          f"{'FAILED: ' + x['failed'] if x['failed'] else 'ok'} |")
    w("")

    hist = r.get("history") or []
    if len(hist) > 1:
        w("### By topic size")
        w("")
        w("| records | measured | runs ok S / P | CPU S | CPU P | P / S | wall S | wall P | peak RSS S | peak RSS P |")
        w("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|")
        for h in hist:
            hs, hp = h["s"], h["p"]
            w(f"| {h['count']:,} | {h['finished']} | {hs['n']} of {h['runs']['streamlens']} / {hp['n']} of "
              f"{h['runs']['python']} | {fmt(hs['cpu'], '.2f', ' s')} | {fmt(hp['cpu'], '.2f', ' s')} | "
              f"{fmt(ratio(hp['cpu'], hs['cpu']), '.2f', '×')} | {fmt(hs['wall'], '.1f', ' s')} | "
              f"{fmt(hp['wall'], '.1f', ' s')} | {fmt(mib(hs['max_rss_kib']), '.1f', ' MiB')} | "
              f"{fmt(mib(hp['max_rss_kib']), '.1f', ' MiB')} |")
        w("")

    py = r["python"]
    w("### Machine and versions")
    w("")
    out.extend(machine_lines(r))
    w(f"- Python consumer: Python {py['version']}, confluent-kafka {r['confluent_kafka']} "
      f"(librdkafka {r['confluent_kafka_lib']}, from the wheel), fastavro {py['fastavro']}.")
    w(broker_line(r["broker"]) + " Schema Registry: the test stand-in of `tests/env` (`registry_standin.py`).")
    w("")

    w("### Method")
    w("")
    w(f"- The topic is filled once with a deterministic generator (seed {r['seed']}): synthetic order events "
      "with a uuid, a long above 2^53, an enum, a timestamp-millis, strings (diacritics, quotes, an emoji "
      "tag, a user agent), a date, an int, a decimal (bytes, scale 2; zero and negative amounts too), doubles, a "
      "`[\"null\", \"double\"]` union (null 60 %), booleans, an array of 0–3 strings, a map of 1–3 strings "
      "(not in key order), 4 plain bytes. Encoded with fastavro's `schemaless_writer` behind the Confluent "
      "framing (magic 0, 4-byte schema id), keyed by order id, no headers. An existing topic with enough "
      "records is reused (its newest records must carry the schema id registered now), a short one is "
      "topped up; topics are never deleted.")
    w("- Commands:")
    w(f"  - `{' '.join(r['commands']['streamlens'])}` (connection `bench`: the broker and `--registry "
      f"{r['registry']}`)")
    w(f"  - `{' '.join(r['commands']['python'])}`: confluent-kafka `Consumer`, every partition assigned "
      "from its low watermark and read up to the high watermark it had at the start, `consume(1000)` "
      "batches, `AvroDeserializer` per value, `json.dumps` per record (logical types and bytes through a "
      "`default=` hook, as docs/decoding.md writes them), one 1 MiB-buffered write stream.")
    out.extend(METHOD_MEASURE)
    w("- Both write to a pipe; the harness copies it to a file and counts the lines. A run that writes any "
      "other number of lines than the topic holds, exits non-zero or times out fails.")
    w("- Equality: each output is indexed by (partition, offset) (so neither order nor sorting matters), "
      "and its `key` and `value` are parsed and re-serialized, keeping field order and number types, "
      "then compared with the first complete Python run's. Other fields of the line (`timestamp`, "
      "`headers`, extras such as a schema id) are not compared. That Python output is first checked, "
      "for a sample of about 2,000 records, against the generator's own values. A run whose output "
      "differs fails and is left out of the medians.")
    w("- Runs alternate between the clients, and the order flips every round (S P, P S, …).")
    w("")
    out += notes_and_reproduce(notes, NOTES_BEGIN, NOTES_END, "the local broker and registry (and the rest of tests/env)")
    w(f"\"$STREAMLENS_PYTHON\" tests/bench/avro_vs_python.py {r['argv']}")
    w("```")
    w("")
    w(SECTION_END)
    return "\n".join(out) + "\n"


def write_section(args, results):
    notes = existing_notes(args.doc, NOTES_BEGIN, NOTES_END)
    write_doc(args.doc, put_section(args.doc, SECTION, render_section(results, notes)), f"section “{TITLE}”")


# ---------------------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_common_args(ap, "default: bench.avro.1m for 1,000,000, bench.avro.100k for 100,000, …")
    ap.add_argument("--registry", default=os.environ.get("STREAMLENS_REGISTRY_URL", "http://127.0.0.1:18081"))
    ap.add_argument("--clients", default=",".join(CLIENTS),
                    help="which to run: streamlens,python (default), or one of them")
    ap.add_argument("--keep-output", metavar="DIR",
                    help="write every run's JSON lines to DIR/<round>-<client>.jsonl and keep them")
    args = ap.parse_args()
    args.topic = args.topic or default_topic("bench.avro", args.messages)
    clients = [c for c in CLIENTS if c in args.clients.split(",")]
    if args.render_only:
        results = load_results(args)
        results["history"] = history(args.results_dir)
        write_section(args, results)
        return
    argv, timeout, started, machine = begin(args)
    subject, schema_id = register(args.registry, args.topic)
    check_existing(args, schema_id)
    topic = ensure_topic(args, records(args.seed, schema_id))
    topic.update(value_sizes(args.seed, schema_id, args.messages))
    if args.produce_only:
        return
    marks = topic_counts(args.bootstrap, args.topic)
    expected = topic["count"]
    broker = broker_facts()
    workdir = tempfile.mkdtemp(prefix="streamlens-bench-avro.")
    outdir = args.keep_output or workdir
    os.makedirs(outdir, exist_ok=True)
    runs, sl = [], None
    try:
        commands = {"python": ([sys.executable, CONSUMER, "--bootstrap", args.bootstrap, "--registry",
                                args.registry, "--topic", args.topic], dict(os.environ))}
        if "streamlens" in clients:
            sl = setup_streamlens(args, workdir, registry=args.registry)
            commands["streamlens"] = (streamlens_cmd(sl, args.topic), sl["env"])
            log(f"streamlens: {sl['version']} ({sl['path']})")
        ref, pending = None, []  # the reference output; outputs waiting for it
        for rnd, client in rounds(args.runs, clients):
            cmd, env = commands[client]
            path = os.path.join(outdir, f"{rnd}-{client}.jsonl")
            with open(path, "wb") as sink:
                res = measure(cmd, env, timeout, broker["pid"], sink=sink)
            res.update(client=client, round=rnd, failed=check(res, expected), equal=None)
            runs.append(res)
            log(f"run {rnd} {client:10s} {run_line(res)}")
            if res["failed"]:
                if not args.keep_output:
                    os.unlink(path)
                continue
            t0 = time.perf_counter()
            out = Output(path, marks)
            if ref is None and client == "python":
                res["reference"] = True
                if check_reference(res, out, args.seed):
                    ref = out
                    log(f"  reference: this output ({res['reference_checked']} records checked against "
                        "the generator)")
                else:
                    log(f"  FAILED: {res['failed']}")
                    for d in res["differences"]:
                        log(f"    {d}")
            else:
                pending.append((res, out))
            if ref is not None:
                for run, o in pending:
                    compare(run, o, ref, run["client"])
                    log(f"  run {run['round']} {run['client']}: " + (
                        "output equal to the reference" if run["equal"] else f"FAILED: {run['failed']}"))
                    for d in run["differences"][:3]:
                        log(f"    partition {d['partition']} offset {d['offset']}: "
                            + (d.get("problem") or short({k: v for k, v in d.items() if k not in ("partition", "offset")}, 300)))
                    if not args.keep_output:
                        os.unlink(o.path)
                pending = []
            log(f"  (output checked in {time.perf_counter() - t0:.1f} s)")
        for run, _ in pending:
            log(f"  run {run['round']} {run['client']}: not compared (no complete Python run)")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
        if args.keep_output:
            log(f"outputs kept in {args.keep_output}")

    results = {
        "benchmark": BENCHMARK,
        "finished": datetime.datetime.now().strftime("%Y-%m-%d %H:%M"),
        "argv": argv, "seed": args.seed, "topic": topic, "subject": subject, "schema_id": schema_id,
        "schema": SCHEMA, "registry": args.registry, "machine": machine, "broker": broker, "git": git_rev(),
        "confluent_kafka": confluent_kafka.__version__, "confluent_kafka_lib": confluent_kafka.libversion()[0],
        "python": {"version": sys.version.split()[0], "fastavro": fastavro.__version__},
        "streamlens": {k: v for k, v in sl.items() if k != "env"} if sl else None,
        "commands": {"streamlens": ["streamlens"] + streamlens_cmd({"path": ""}, args.topic)[1:],
                     "python": ["python", os.path.relpath(CONSUMER, ROOT)] + commands["python"][0][2:]},
        "runs": runs, "scaled_down": args.scaled_down, "seconds": round(time.perf_counter() - started, 1),
    }
    s = summarize(results)
    S, P = s["streamlens"], s["python"]
    log(f"medians: streamlens cpu {fmt(S['cpu'], '.2f')} s wall {fmt(S['wall'], '.1f')} s "
        f"rss {fmt(mib(S['maxrss_kib']), '.1f')} MiB | python cpu {fmt(P['cpu'], '.2f')} s "
        f"wall {fmt(P['wall'], '.1f')} s rss {fmt(mib(P['maxrss_kib']), '.1f')} MiB | "
        f"python / streamlens cpu {fmt(ratio(P['cpu'], S['cpu']), '.2f')}× (target ≥ {TARGET_CPU_SPEEDUP:g}×); "
        f"streamlens output equal in {S['equal']} of {S['compared']} compared runs")
    if sl is None:
        log("only the Python consumer ran: results and doc not written")
    else:
        if save_results(args, results):
            results["history"] = history(args.results_dir)
        if args.doc:
            write_section(args, results)
    if any(x["failed"] for x in runs):
        sys.exit(1)


if __name__ == "__main__":
    main()
