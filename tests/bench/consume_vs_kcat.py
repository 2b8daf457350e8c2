#!/usr/bin/env python3
"""Benchmark `streamlens consume --format jsonl` against `kcat -C` on the local broker.

Fills a topic with N realistic JSON messages (~300 B, 3 partitions; reused when already
there, topped up when short, never deleted), then reads it all from the beginning with
both clients in the same session, alternating, several runs each. Each run is a child
process whose resource usage comes from wait4(2): wall time, user + sys CPU, peak RSS.
A run that reads a different number of lines than the topic holds is reported as
failed, not timed. Then time to first row: `streamlens consume --limit 1` against
`kcat -c 1`. Writes docs/benchmarks.md (and the raw figures to tests/bench/results/).

The tansu broker (SQLite engine) can be slower than both clients, so the wall time
mostly measures the broker; client CPU time is what compares the clients.

  . tests/env/env.sh
  "$STREAMLENS_PYTHON" tests/bench/consume_vs_kcat.py [--messages 1000000] [--runs 3]

Stdlib + confluent-kafka only. See tests/bench/README.md.
"""

import argparse
import datetime
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata

import confluent_kafka

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import (begin, BASE_TS_MS, add_common_args, broker_facts, check, default_topic,  # noqa: E402
                     ensure_topic, git_rev, load_results, log, measure, rounds,
                     run_line, save_results, setup_streamlens, streamlens_cmd, topic_counts, write_doc)
from report import existing_notes, fmt, history, ratio, render, summarize, with_sections  # noqa: E402


# ---------------------------------------------------------------------------------------
# The data: a synthetic web-shop event stream, deterministic per (seed, index).

FIRST = ["Ana", "Bjorn", "Chloé", "Dmitri", "Emma", "Farah", "Giulia", "Hiroshi", "Ingrid", "José",
         "Kwame", "Léa", "Mateusz", "Nia", "Oliver", "Priya", "Quentin", "Rosa", "Sven", "Tomás"]
LAST = ["Andersson", "Brown", "Costa", "Dubois", "Eriksen", "Fernández", "García", "Hoffmann",
        "Jensen", "Kowalski", "Müller", "Nakamura", "O'Connor", "Patel", "Rossi", "Tanaka"]
COUNTRIES = [("DE", "EUR"), ("FR", "EUR"), ("NL", "EUR"), ("GB", "GBP"), ("US", "USD"), ("JP", "JPY")]
DOMAINS = ["example.com", "example.org", "example.net"]
PRODUCTS = [("SKU-1001", 18.90), ("SKU-2040", 249.00), ("SKU-3300", 119.95), ("SKU-4012", 9.99),
            ("SKU-5150", 39.50), ("SKU-6006", 14.00), ("SKU-7070", 4.25), ("SKU-8123", 72.00)]
TYPES = ["created", "paid", "shipped", "cancelled"]


def ascii_fold(text):
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z]", "", plain.lower())


def message(seed, i):
    """(key, value, timestamp ms) of message i: compact JSON of ~300 bytes."""
    r = random.Random(seed * 1_000_003 + i)
    first, last = r.choice(FIRST), r.choice(LAST)
    country, currency = r.choice(COUNTRIES)
    items = [{"sku": sku, "qty": r.randint(1, 4), "price": price}
             for sku, price in r.sample(PRODUCTS, r.choice((1, 1, 1, 2, 2, 3)))]
    total = round(sum(it["qty"] * it["price"] for it in items), 2)
    at = BASE_TS_MS + i * 37
    value = {
        "event_id": "%016x" % r.getrandbits(64),
        "type": r.choice(TYPES),
        "at": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(at // 1000)) + f".{at % 1000:03d}Z",
        "customer": {"id": f"C-{r.randint(1, 50000):06d}", "name": f"{first} {last}",
                     "email": f"{ascii_fold(first)}.{ascii_fold(last)}@{r.choice(DOMAINS)}",
                     "country": country},
        "items": items,
        "total": total,
        "currency": currency,
        "synthetic": True,
    }
    return f"O-{i:08d}".encode(), json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode(), BASE_TS_MS + i


def records(seed):
    return lambda start, end: (message(seed, i) for i in range(start, end))


def value_sizes(seed, messages):
    """Value size statistics over a sample of the messages, and the key size."""
    sizes = [len(message(seed, i)[1]) for i in range(0, messages, max(1, messages // 2000))]
    return {"value_bytes_mean": round(statistics.mean(sizes)), "value_bytes_min": min(sizes),
            "value_bytes_max": max(sizes), "key_bytes": len(message(seed, 0)[0])}


# ---------------------------------------------------------------------------------------
# The clients

def setup_kcat(args, workdir):
    """kcat with a current librdkafka: Debian's 2.0.2 fails tansu's ApiVersions handshake."""
    kcat = shutil.which(args.kcat) or args.kcat
    libs = os.path.join(os.path.dirname(os.path.dirname(confluent_kafka.__file__)), "confluent_kafka.libs")
    found = sorted(f for f in os.listdir(libs) if f.startswith("librdkafka") and ".so" in f)
    if not found:
        sys.exit(f"no librdkafka in {libs}")
    libdir = os.path.join(workdir, "kcat-lib")
    os.makedirs(libdir, exist_ok=True)
    link = os.path.join(libdir, "librdkafka.so.1")
    if not os.path.lexists(link):
        os.symlink(os.path.join(libs, found[0]), link)
    env = dict(os.environ, LD_LIBRARY_PATH=libdir)
    ldd = subprocess.run(["ldd", kcat], env=env, capture_output=True, text=True).stdout
    if libdir not in ldd:
        sys.exit(f"kcat does not load {link}:\n{ldd}")
    version = subprocess.run([kcat, "-V"], env=env, capture_output=True, text=True).stdout
    vline = next((line for line in version.splitlines() if line.startswith("Version")), version.strip())
    m = re.search(r"librdkafka ([0-9.]+)", vline)
    return {"path": kcat, "env": env, "version_line": vline, "librdkafka": m.group(1) if m else "?",
            "librdkafka_file": os.path.join(libs, found[0])}


def kcat_cmd(kc, bootstrap, topic, first_only=False):
    cmd = [kc["path"], "-C", "-b", bootstrap, "-t", topic, "-e", "-o", "beginning", "-q"]
    # -u: unbuffered stdout, so the first row reaches the pipe when kcat has it, not at exit.
    return cmd + (["-c", "1", "-u"] if first_only else [])


# ---------------------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_common_args(ap, "default: bench.json.1m for 1,000,000, bench.json.100k for 100,000, …")
    ap.add_argument("--ttfr-runs", type=int, default=5, help="time-to-first-row runs per client (default 5)")
    ap.add_argument("--small-topic", default="demo.customers",
                    help="a small topic for a second time-to-first-row figure ('' to skip)")
    ap.add_argument("--kcat", default="kcat")
    args = ap.parse_args()
    args.topic = args.topic or default_topic("bench.json", args.messages)
    if args.render_only:
        results = load_results(args)
        results["history"] = history(args.results_dir)
        write_doc(args.doc, with_sections(render(results, existing_notes(args.doc)), args.doc),
                  f"from the stored {args.topic} results")
        return
    argv, timeout, started, machine = begin(args)
    topic = ensure_topic(args, records(args.seed))
    topic.update(value_sizes(args.seed, args.messages))
    if args.produce_only:
        return
    expected = topic["count"]
    broker = broker_facts()
    workdir = tempfile.mkdtemp(prefix="streamlens-bench.")
    try:
        kc = setup_kcat(args, workdir)
        sl = setup_streamlens(args, workdir)
        log(f"streamlens: {sl['version']} ({sl['path']}); kcat: librdkafka {kc['librdkafka']}")
        clients = {
            "streamlens": (streamlens_cmd(sl, args.topic), sl["env"]),
            "kcat": (kcat_cmd(kc, args.bootstrap, args.topic), kc["env"]),
        }
        runs = []
        for rnd, client in rounds(args.runs, ["streamlens", "kcat"]):
            cmd, env = clients[client]
            res = measure(cmd, env, timeout, broker["pid"])
            res.update(client=client, round=rnd, failed=check(res, expected))
            runs.append(res)
            log(f"run {rnd} {client:10s} {run_line(res)}")

        small = None
        if args.small_topic:
            marks = topic_counts(args.bootstrap, args.small_topic)
            small = sum(max(hi - lo, 0) for lo, hi in marks.values()) if marks else 0
            if not small:
                log(f"{args.small_topic} is missing or empty: no small-topic time to first row")
                small = None
        ttfr = []
        targets = [("large", args.topic)] + ([("small", args.small_topic)] if small else [])
        for where, t in targets:
            for rnd, client in rounds(args.ttfr_runs, ["streamlens", "kcat"]):
                if client == "streamlens":
                    cmd, env = streamlens_cmd(sl, t, limit=1), sl["env"]
                else:
                    cmd, env = kcat_cmd(kc, args.bootstrap, t, first_only=True), kc["env"]
                res = measure(cmd, env, 60, broker["pid"])
                res.update(client=client, round=rnd, where=where, failed=check(res, 1))
                ttfr.append(res)
                log(f"first row {where} {rnd} {client:10s} "
                    f"{fmt(res['first_row'] and res['first_row'] * 1000, '.0f', ' ms')} "
                    f"(exit {res['wall'] * 1000:.0f} ms)" + (f"  FAILED: {res['failed']}" if res["failed"] else ""))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    results = {
        "finished": datetime.datetime.now().strftime("%Y-%m-%d %H:%M"),
        "argv": argv, "seed": args.seed, "topic": topic, "machine": machine, "broker": broker,
        "git": git_rev(), "confluent_kafka": confluent_kafka.__version__,
        "confluent_kafka_lib": confluent_kafka.libversion()[0],
        "streamlens": {k: v for k, v in sl.items() if k != "env"},
        "kcat": {k: v for k, v in kc.items() if k != "env"},
        "commands": {"streamlens": ["streamlens"] + clients["streamlens"][0][1:],
                     "kcat": ["kcat"] + clients["kcat"][0][1:]},
        "runs": runs, "ttfr": ttfr, "small_topic": args.small_topic, "small_topic_count": small,
        "scaled_down": args.scaled_down, "seconds": round(time.perf_counter() - started, 1),
    }
    s = summarize(results)
    S, K = s["streamlens"], s["kcat"]
    log(f"medians: streamlens cpu {fmt(S['cpu'], '.2f')} s wall {fmt(S['wall'], '.1f')} s "
        f"rss {fmt(S['maxrss_kib'] and S['maxrss_kib'] / 1024, '.1f')} MiB | kcat cpu {fmt(K['cpu'], '.2f')} s "
        f"wall {fmt(K['wall'], '.1f')} s rss {fmt(K['maxrss_kib'] and K['maxrss_kib'] / 1024, '.1f')} MiB | "
        f"cpu ratio {fmt(ratio(S['cpu'], K['cpu']), '.2f')}×")
    log(f"first row: streamlens {fmt(S['ttfr_large'] and S['ttfr_large'] * 1000, '.0f')} ms, "
        f"kcat {fmt(K['ttfr_large'] and K['ttfr_large'] * 1000, '.0f')} ms")
    if save_results(args, results):
        results["history"] = history(args.results_dir)
    if args.doc:
        write_doc(args.doc, with_sections(render(results, existing_notes(args.doc)), args.doc),
                  f"{results['seconds']:.0f} s in all")
    if any(x["failed"] for x in runs + ttfr):
        sys.exit(1)


if __name__ == "__main__":
    main()
