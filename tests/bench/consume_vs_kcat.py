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
import fcntl
import hashlib
import json
import os
import platform
import random
import re
import selectors
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata

import confluent_kafka
from confluent_kafka import Consumer, KafkaException, Producer, TopicPartition
from confluent_kafka.admin import AdminClient, NewTopic

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from report import existing_notes, fmt, history, mib, ratio, render, summarize  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PARTITIONS = 3
BASE_TS_MS = 1767225600000  # 2026-01-01T00:00:00Z: record timestamps are deterministic too
CLK_TCK = os.sysconf("SC_CLK_TCK")
TIME = "/usr/bin/time"  # GNU time, for peak RSS (see measure)


def log(msg):
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


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


def default_topic(n):
    if n % 1_000_000 == 0:
        return f"bench.json.{n // 1_000_000}m"
    if n % 1000 == 0:
        return f"bench.json.{n // 1000}k"
    return f"bench.json.{n}"


# ---------------------------------------------------------------------------------------
# The topic

def topic_counts(bootstrap, topic):
    """{partition: (low, high)} of an existing topic, or None when it does not exist."""
    admin = AdminClient({"bootstrap.servers": bootstrap})
    meta = admin.list_topics(timeout=10).topics.get(topic)
    if meta is None or meta.error is not None or not meta.partitions:
        return None
    c = Consumer({"bootstrap.servers": bootstrap, "group.id": "streamlens-bench-count",
                  "enable.auto.commit": False})
    try:
        return {p: c.get_watermark_offsets(TopicPartition(topic, p), timeout=10) for p in sorted(meta.partitions)}
    finally:
        c.close()


def ensure_topic(args):
    """Makes the topic hold at least args.messages messages; never deletes anything."""
    marks = topic_counts(args.bootstrap, args.topic)
    if marks is None:
        admin = AdminClient({"bootstrap.servers": args.bootstrap})
        fut = admin.create_topics([NewTopic(args.topic, num_partitions=PARTITIONS, replication_factor=1)],
                                  operation_timeout=10)[args.topic]
        try:
            fut.result()
        except KafkaException as e:
            if "TOPIC_ALREADY_EXISTS" not in str(e):
                raise
        log(f"created {args.topic} ({PARTITIONS} partitions)")
        for _ in range(50):
            marks = topic_counts(args.bootstrap, args.topic)
            if marks is not None and len(marks) == PARTITIONS:
                break
            time.sleep(0.2)
    have = sum(max(hi - lo, 0) for lo, hi in marks.values())
    info = {"topic": args.topic, "partitions": len(marks), "existing": have, "produced": 0,
            "produce_seconds": None, "compression": args.compression}
    if have >= args.messages:
        log(f"{args.topic} already holds {have:,} messages: reused")
    else:
        log(f"{args.topic} holds {have:,}: producing messages {have:,} to {args.messages - 1:,} "
            f"(compression {args.compression})")
        info["produce_seconds"] = produce(args, have, args.messages)
        info["produced"] = args.messages - have
        marks = topic_counts(args.bootstrap, args.topic)
    info["count"] = sum(max(hi - lo, 0) for lo, hi in marks.values())
    info["per_partition"] = {str(p): hi - lo for p, (lo, hi) in marks.items()}
    sizes = [len(message(args.seed, i)[1]) for i in range(0, args.messages, max(1, args.messages // 2000))]
    info["value_bytes_mean"] = round(statistics.mean(sizes))
    info["value_bytes_min"], info["value_bytes_max"] = min(sizes), max(sizes)
    info["key_bytes"] = len(message(args.seed, 0)[0])
    if info["count"] != args.messages:
        log(f"note: {args.topic} holds {info['count']:,} messages, not {args.messages:,}; "
            "the runs expect what it holds (topics are never deleted on this broker)")
    return info


def produce(args, start, end):
    producer = Producer({"bootstrap.servers": args.bootstrap, "acks": "all", "enable.idempotence": False,
                         "compression.type": args.compression, "linger.ms": 50,
                         "batch.num.messages": 10000, "batch.size": 1_000_000,
                         "queue.buffering.max.messages": 1_000_000, "queue.buffering.max.kbytes": 262144})
    errors = []

    def on_delivery(err, _msg):
        if err is not None:
            errors.append(str(err))

    t0 = time.perf_counter()
    for i in range(start, end):
        key, value, ts = message(args.seed, i)
        while True:
            try:
                producer.produce(args.topic, key=key, value=value, timestamp=ts, on_delivery=on_delivery)
                break
            except BufferError:
                producer.poll(0.05)
        if i % 1000 == 0:
            producer.poll(0)
            if errors:
                break
        if i and i % 100_000 == 0:
            log(f"  queued {i:,} ({time.perf_counter() - t0:.0f} s)")
    left = producer.flush(600)
    seconds = time.perf_counter() - t0
    if left or errors:
        sys.exit(f"produce failed: {left} undelivered, errors: {errors[:3]}")
    log(f"  produced {end - start:,} in {seconds:.1f} s ({(end - start) / seconds:,.0f} msg/s)")
    return round(seconds, 2)


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


def setup_streamlens(args, workdir):
    binary = args.streamlens
    if not os.path.isfile(binary):
        sys.exit(f"no streamlens binary at {binary} (build it: cargo build --release -p streamlens-cli)")
    data = os.path.join(workdir, "streamlens-data")
    env = dict(os.environ, STREAMLENS_DATA_DIR=data, STREAMLENS_KEYRING_SERVICE="streamlens-bench")
    env.pop("STREAMLENS_ROLE", None)  # developer (the default) on a dev connection: unmasked
    add = subprocess.run([binary, "connections", "add", "--name", "bench", "--kafka", args.bootstrap,
                          "--if-missing"], env=env, capture_output=True, text=True)
    if add.returncode != 0:
        sys.exit(f"streamlens connections add failed ({add.returncode}): {add.stderr.strip()}\n"
                 "If it cannot reach a keyring, run inside: dbus-run-session -- bash -c "
                 "'eval \"$(printf x | gnome-keyring-daemon --unlock --components=secrets)\"; ...'")
    version = subprocess.run([binary, "--version"], env=env, capture_output=True, text=True).stdout.strip()
    st = os.stat(binary)
    with open(binary, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()[:16]
    return {"path": binary, "env": env, "version": version, "size": st.st_size,
            "mtime": datetime.datetime.fromtimestamp(st.st_mtime).strftime("%Y-%m-%d %H:%M"),
            "sha256": digest, "librdkafka": bundled_librdkafka()}


def bundled_librdkafka():
    try:
        lock = open(os.path.join(ROOT, "Cargo.lock"), encoding="utf-8").read()
    except OSError:
        return "?"
    m = re.search(r'name = "rdkafka-sys"\nversion = "([^"]+)"', lock)
    return m.group(1).split("+")[-1] if m else "?"


def streamlens_cmd(sl, topic, limit=None):
    cmd = [sl["path"], "consume", topic, "-c", "bench", "--from", "earliest", "--format", "jsonl"]
    return cmd + (["--limit", str(limit)] if limit else [])


def kcat_cmd(kc, bootstrap, topic, first_only=False):
    cmd = [kc["path"], "-C", "-b", bootstrap, "-t", topic, "-e", "-o", "beginning", "-q"]
    # -u: unbuffered stdout, so the first row reaches the pipe when kcat has it, not at exit.
    return cmd + (["-c", "1", "-u"] if first_only else [])


# ---------------------------------------------------------------------------------------
# Measuring one child process

def proc_cpu_seconds(pid):
    """utime + stime of a process (all its threads), or None."""
    if not pid:
        return None
    try:
        fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / CLK_TCK
    except (OSError, IndexError, ValueError):
        return None


def machine_jiffies():
    vals = [int(v) for v in open("/proc/stat").readline().split()[1:]]
    idle = vals[3] + vals[4]
    return sum(vals[:8]), idle


def wait_broker_idle(broker_pid, limit=90.0):
    """Waits until the broker has used no CPU for half a second: tansu keeps building fetch
    responses for a client that has already gone, and the next run must not pay for them."""
    if not broker_pid:
        return 0.0
    t0 = time.perf_counter()
    quiet = 0
    last = proc_cpu_seconds(broker_pid)
    while time.perf_counter() - t0 < limit:
        time.sleep(0.25)
        now = proc_cpu_seconds(broker_pid)
        if now is None or last is None:
            break
        quiet = quiet + 1 if now - last < 0.015 else 0
        last = now
        if quiet >= 2:
            break
    return time.perf_counter() - t0


def measure(cmd, env, timeout, broker_pid):
    """Runs cmd with stdout into a pipe whose lines are counted and dropped.

    The child runs under GNU time for its peak RSS: the ru_maxrss that wait4 reports for a
    child of this Python process starts at Python's own RSS (Linux carries the pre-exec
    high-water mark across exec), so it cannot show anything below ~50 MiB. GNU time forks
    from a ~1 MiB process. CPU time comes from wait4 (finer than time's 10 ms; time's own
    share is well under a millisecond)."""
    settle = wait_broker_idle(broker_pid)
    broker0 = proc_cpu_seconds(broker_pid)
    total0, idle0 = machine_jiffies()
    err = tempfile.TemporaryFile()
    rss_file = tempfile.NamedTemporaryFile(prefix="streamlens-bench-time.", delete=False)
    rss_file.close()
    t0 = time.perf_counter()
    p = subprocess.Popen([TIME, "-o", rss_file.name, "-f", "%M"] + cmd, env=env, stdin=subprocess.DEVNULL,
                         stdout=subprocess.PIPE, stderr=err, start_new_session=True)
    fd = p.stdout.fileno()
    try:
        fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, 1 << 20)
    except OSError:
        pass
    lines = 0
    nbytes = 0
    first = None
    timed_out = False
    sel = selectors.DefaultSelector()
    sel.register(fd, selectors.EVENT_READ)
    deadline = t0 + timeout
    while True:
        left = deadline - time.perf_counter()
        if left <= 0:
            timed_out = True
            os.killpg(p.pid, 9)
            break
        if not sel.select(min(left, 1.0)):
            continue
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            break
        if first is None:
            first = time.perf_counter() - t0
        lines += chunk.count(b"\n")
        nbytes += len(chunk)
    sel.close()
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    p.stdout.close()
    broker1 = proc_cpu_seconds(broker_pid)
    total1, idle1 = machine_jiffies()
    err.seek(0)
    stderr = err.read().decode(errors="replace").strip()
    err.close()
    maxrss = None
    try:
        text = open(rss_file.name).read().split()
        maxrss = int(text[-1]) if text else None
    except (OSError, ValueError):
        pass
    os.unlink(rss_file.name)
    busy = (total1 - total0) - (idle1 - idle0)
    return {
        "rc": p.returncode, "timed_out": timed_out, "lines": lines, "bytes": nbytes,
        "wall": wall, "user": ru.ru_utime, "sys": ru.ru_stime, "cpu": ru.ru_utime + ru.ru_stime,
        "maxrss_kib": maxrss, "first_row": first, "settle": round(settle, 2),
        "broker_cpu": (broker1 - broker0) if broker0 is not None and broker1 is not None else None,
        "machine_busy_cores": busy / max(total1 - total0, 1) * (os.cpu_count() or 1),
        "stderr": stderr[-400:],
    }


def check(result, expected):
    """None when the run read exactly the expected rows, else why it failed."""
    if result["timed_out"]:
        return "timed out"
    if result["rc"] != 0:
        return f"exit code {result['rc']}: {result['stderr'][-200:]}"
    if result["lines"] != expected:
        return f"read {result['lines']:,} lines, expected {expected:,}"
    return None


# ---------------------------------------------------------------------------------------
# Environment facts

def machine_facts():
    cpu = "?"
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem_kib = next(int(line.split()[1]) for line in open("/proc/meminfo") if line.startswith("MemTotal"))
    os_name = "?"
    try:
        os_name = next(line.split("=", 1)[1].strip().strip('"') for line in open("/etc/os-release")
                       if line.startswith("PRETTY_NAME="))
    except (OSError, StopIteration):
        pass
    return {"nproc": len(os.sched_getaffinity(0)), "cpu": cpu, "ram_gib": round(mem_kib / 1024 / 1024, 1),
            "kernel": platform.release(), "os": os_name, "loadavg_start": open("/proc/loadavg").read().split()[:3]}


def broker_facts():
    run = os.environ.get("STREAMLENS_RUN_DIR", os.path.expanduser("~/.cache/streamlens-env/run"))
    pid = None
    try:
        pid = int(open(os.path.join(run, "broker", "broker.pid")).read().strip())
        os.kill(pid, 0)
    except (OSError, ValueError):
        pid = None
    tansu = os.environ.get("STREAMLENS_TANSU", "tansu")
    version = "?"
    try:
        version = subprocess.run([tansu, "--version"], capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        pass
    return {"pid": pid, "version": version or "?"}


def git_rev():
    try:
        rev = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], capture_output=True,
                             text=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", ROOT, "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True).stdout.strip()
        return rev + (" (with uncommitted changes)" if dirty else "")
    except OSError:
        return "?"


# ---------------------------------------------------------------------------------------

def measured_args(argv):
    """The command line without --scaled-down and its text (a note for the doc, not a setting)."""
    out, skip = [], False
    for a in argv:
        if skip:
            skip = False
        elif a == "--scaled-down":
            skip = True
        elif not a.startswith("--scaled-down="):
            out.append(a)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--messages", type=int, default=1_000_000, help="messages in the topic (default 1,000,000)")
    ap.add_argument("--runs", type=int, default=3, help="full reads per client (default 3)")
    ap.add_argument("--ttfr-runs", type=int, default=5, help="time-to-first-row runs per client (default 5)")
    ap.add_argument("--topic", help="default: bench.json.1m for 1,000,000, bench.json.100k for 100,000, …")
    ap.add_argument("--small-topic", default="demo.customers",
                    help="a small topic for a second time-to-first-row figure ('' to skip)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--compression", default="lz4", choices=["none", "lz4", "gzip", "zstd"],
                    help="producer compression (default lz4; tansu cannot serve snappy)")
    ap.add_argument("--bootstrap", default=os.environ.get("STREAMLENS_KAFKA_BOOTSTRAP", "127.0.0.1:19092"))
    ap.add_argument("--streamlens", default=os.environ.get(
        "STREAMLENS_BIN", os.path.join(os.environ.get("CARGO_TARGET_DIR", os.path.expanduser(
            "~/.cache/streamlens/target")), "release", "streamlens")))
    ap.add_argument("--kcat", default="kcat")
    ap.add_argument("--timeout", type=float, help="seconds per full read (default: 120 + 1 ms per message)")
    ap.add_argument("--doc", default=os.path.join(ROOT, "docs", "benchmarks.md"), help="'' to skip")
    ap.add_argument("--results-dir", default=os.path.join(ROOT, "tests", "bench", "results"))
    ap.add_argument("--scaled-down", help="a sentence for the doc when this is not the intended size")
    ap.add_argument("--produce-only", action="store_true", help="fill the topic and stop")
    ap.add_argument("--render-only", action="store_true",
                    help="no runs: rewrite the doc from tests/bench/results/<topic>.json")
    args = ap.parse_args()
    args.topic = args.topic or default_topic(args.messages)
    if args.render_only:
        results = json.load(open(os.path.join(args.results_dir, f"{args.topic}.json"), encoding="utf-8"))
        results["history"] = history(args.results_dir)
        text = render(results, existing_notes(args.doc))
        with open(args.doc, "w", encoding="utf-8") as f:
            f.write(text)
        log(f"wrote {os.path.relpath(args.doc, ROOT)} from the stored {args.topic} results")
        return
    if not os.access(TIME, os.X_OK):
        sys.exit(f"{TIME} (GNU time) is needed for peak RSS: apt-get install time")
    argv = " ".join(a if re.fullmatch(r"[\w.,:/=+-]+", a) else json.dumps(a) for a in measured_args(sys.argv[1:]))
    timeout = args.timeout or 120 + args.messages / 1000
    started = time.perf_counter()

    machine = machine_facts()
    log(f"machine: {machine['nproc']} cores, {machine['cpu']}, load {' '.join(machine['loadavg_start'])}")
    topic = ensure_topic(args)
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
        for rnd in range(1, args.runs + 1):
            order = ["streamlens", "kcat"] if rnd % 2 else ["kcat", "streamlens"]
            for client in order:
                cmd, env = clients[client]
                res = measure(cmd, env, timeout, broker["pid"])
                res.update(client=client, round=rnd, failed=check(res, expected))
                runs.append(res)
                log(f"run {rnd} {client:10s} rows {res['lines']:>9,}  wall {res['wall']:6.1f} s  "
                    f"cpu {res['cpu']:6.2f} s (u {res['user']:.2f} s {res['sys']:.2f})  "
                    f"rss {fmt(mib(res['maxrss_kib']), '6.1f', ' MiB')}  broker {fmt(res['broker_cpu'], '.1f', ' s')}"
                    + (f"  FAILED: {res['failed']}" if res["failed"] else ""))

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
            for rnd in range(1, args.ttfr_runs + 1):
                order = ["streamlens", "kcat"] if rnd % 2 else ["kcat", "streamlens"]
                for client in order:
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
    if args.results_dir:
        os.makedirs(args.results_dir, exist_ok=True)
        path = os.path.join(args.results_dir, f"{args.topic}.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(results, f, indent=1, ensure_ascii=False)
        log(f"raw results: {os.path.relpath(path, ROOT)}")
        results["history"] = history(args.results_dir)
    if args.doc:
        text = render(results, existing_notes(args.doc))
        with open(args.doc, "w", encoding="utf-8") as f:
            f.write(text)
        log(f"wrote {os.path.relpath(args.doc, ROOT)} ({results['seconds']:.0f} s in all)")
    if any(x["failed"] for x in runs + ttfr):
        sys.exit(1)


if __name__ == "__main__":
    main()
