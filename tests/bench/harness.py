"""What the benchmarks in tests/bench share: the topic (count, create, fill, top up), the
Streamlens binary and its throwaway connection, measuring one child process (wall, CPU from
wait4, peak RSS from GNU time), machine/broker/repository facts and the common options.

Stdlib + confluent-kafka only. See tests/bench/README.md.
"""

import datetime
import fcntl
import hashlib
import json
import os
import platform
import re
import selectors
import subprocess
import sys
import tempfile
import time

from confluent_kafka import Consumer, KafkaException, Producer, TopicPartition
from confluent_kafka.admin import AdminClient, NewTopic

from report import fmt, mib

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PARTITIONS = 3
BASE_TS_MS = 1767225600000  # 2026-01-01T00:00:00Z: record timestamps are deterministic too
CLK_TCK = os.sysconf("SC_CLK_TCK")
TIME = "/usr/bin/time"  # GNU time, for peak RSS (see measure)


def log(msg):
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


def default_topic(prefix, n):
    """bench.json.1m for ("bench.json", 1,000,000), bench.json.100k for 100,000, …"""
    if n % 1_000_000 == 0:
        return f"{prefix}.{n // 1_000_000}m"
    if n % 1000 == 0:
        return f"{prefix}.{n // 1000}k"
    return f"{prefix}.{n}"


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


def ensure_topic(args, records):
    """Makes the topic hold at least args.messages messages; never deletes anything.

    records(start, end) yields (key, value, timestamp ms) of messages start … end - 1: a
    short topic is topped up from where it stops."""
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
        info["produce_seconds"] = produce(args, records(have, args.messages), args.messages - have)
        info["produced"] = args.messages - have
        marks = topic_counts(args.bootstrap, args.topic)
    info["count"] = sum(max(hi - lo, 0) for lo, hi in marks.values())
    info["per_partition"] = {str(p): hi - lo for p, (lo, hi) in marks.items()}
    if info["count"] != args.messages:
        log(f"note: {args.topic} holds {info['count']:,} messages, not {args.messages:,}; "
            "the runs expect what it holds (topics are never deleted on this broker)")
    return info


def produce(args, records, total):
    """Produces (key, value, timestamp ms) records; returns the seconds it took."""
    producer = Producer({"bootstrap.servers": args.bootstrap, "acks": "all", "enable.idempotence": False,
                         "compression.type": args.compression, "linger.ms": 50,
                         "batch.num.messages": 10000, "batch.size": 1_000_000,
                         "queue.buffering.max.messages": 1_000_000, "queue.buffering.max.kbytes": 262144})
    errors = []

    def on_delivery(err, _msg):
        if err is not None:
            errors.append(str(err))

    t0 = time.perf_counter()
    for n, (key, value, ts) in enumerate(records, 1):
        while True:
            try:
                producer.produce(args.topic, key=key, value=value, timestamp=ts, on_delivery=on_delivery)
                break
            except BufferError:
                producer.poll(0.05)
        if n % 1000 == 0:
            producer.poll(0)
            if errors:
                break
        if n % 100_000 == 0:
            log(f"  queued {n:,} of {total:,} ({time.perf_counter() - t0:.0f} s)")
    left = producer.flush(600)
    seconds = time.perf_counter() - t0
    if left or errors:
        sys.exit(f"produce failed: {left} undelivered, errors: {errors[:3]}")
    log(f"  produced {total:,} in {seconds:.1f} s ({total / seconds:,.0f} msg/s)")
    return round(seconds, 2)


# ---------------------------------------------------------------------------------------
# Streamlens

def setup_streamlens(args, workdir, registry=None):
    """The binary's facts and an env with a throwaway data dir holding the `bench` connection."""
    binary = args.streamlens
    if not os.path.isfile(binary):
        sys.exit(f"no streamlens binary at {binary} (build it: cargo build --release -p streamlens-cli)")
    data = os.path.join(workdir, "streamlens-data")
    env = dict(os.environ, STREAMLENS_DATA_DIR=data, STREAMLENS_KEYRING_SERVICE="streamlens-bench")
    env.pop("STREAMLENS_ROLE", None)  # developer (the default) on a dev connection: unmasked
    cmd = [binary, "connections", "add", "--name", "bench", "--kafka", args.bootstrap, "--if-missing"]
    add = subprocess.run(cmd + (["--registry", registry] if registry else []), env=env, capture_output=True,
                         text=True)
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


def measure(cmd, env, timeout, broker_pid, sink=None):
    """Runs cmd with stdout into a pipe whose lines are counted and dropped — or, with a
    sink (a binary file), written there by this process, which is not the one measured.

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
        if sink is not None:
            sink.write(chunk)
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


def rounds(runs, clients):
    """(round, client) in run order: the order flips every round (A B, B A, A B, …), so
    neither client always reads right after the other."""
    for rnd in range(1, runs + 1):
        for client in (clients if rnd % 2 else clients[::-1]):
            yield rnd, client


def run_line(res):
    """A full read's figures, for the log."""
    return (f"rows {res['lines']:>9,}  wall {res['wall']:6.1f} s  "
            f"cpu {res['cpu']:6.2f} s (u {res['user']:.2f} s {res['sys']:.2f})  "
            f"rss {fmt(mib(res['maxrss_kib']), '6.1f', ' MiB')}  broker {fmt(res['broker_cpu'], '.1f', ' s')}"
            + (f"  FAILED: {res['failed']}" if res["failed"] else ""))


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
# Command line and results

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


def argv_text(argv):
    """The command line for the doc's "How to reproduce", shell-quoted where needed."""
    return " ".join(a if re.fullmatch(r"[\w.,:/=+-]+", a) else json.dumps(a) for a in measured_args(argv))


def add_common_args(ap, topic_help):
    """The options every benchmark here has."""
    ap.add_argument("--messages", type=int, default=1_000_000, help="messages in the topic (default 1,000,000)")
    ap.add_argument("--runs", type=int, default=3, help="full reads per client (default 3)")
    ap.add_argument("--topic", help=topic_help)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--compression", default="lz4", choices=["none", "lz4", "gzip", "zstd"],
                    help="producer compression (default lz4; tansu cannot serve snappy)")
    ap.add_argument("--bootstrap", default=os.environ.get("STREAMLENS_KAFKA_BOOTSTRAP", "127.0.0.1:19092"))
    ap.add_argument("--streamlens", default=os.environ.get(
        "STREAMLENS_BIN", os.path.join(os.environ.get("CARGO_TARGET_DIR", os.path.expanduser(
            "~/.cache/streamlens/target")), "release", "streamlens")))
    ap.add_argument("--timeout", type=float, help="seconds per full read (default: 120 + 1 ms per message)")
    ap.add_argument("--doc", default=os.path.join(ROOT, "docs", "benchmarks.md"), help="'' to skip")
    ap.add_argument("--results-dir", default=os.path.join(ROOT, "tests", "bench", "results"))
    ap.add_argument("--scaled-down", help="a sentence for the doc when this is not the intended size")
    ap.add_argument("--produce-only", action="store_true", help="fill the topic and stop")
    ap.add_argument("--render-only", action="store_true",
                    help="no runs: rewrite the doc from the results stored in --results-dir")


def begin(args):
    """The start of a measured session: (argv text, per-read timeout, start time, machine facts)."""
    need_gnu_time()
    timeout = args.timeout or 120 + args.messages / 1000
    started = time.perf_counter()
    machine = machine_facts()
    log(f"machine: {machine['nproc']} cores, {machine['cpu']}, load {' '.join(machine['loadavg_start'])}")
    return argv_text(sys.argv[1:]), timeout, started, machine


def need_gnu_time():
    if not os.access(TIME, os.X_OK):
        sys.exit(f"{TIME} (GNU time) is needed for peak RSS: apt-get install time")


def results_path(args, prefix=""):
    """tests/bench/results/<prefix><topic>.json: a prefix keeps apart benchmarks that share a topic."""
    return os.path.join(args.results_dir, f"{prefix}{args.topic}.json")


def load_results(args, prefix=""):
    return json.load(open(results_path(args, prefix), encoding="utf-8"))


def save_results(args, results, prefix=""):
    """Writes tests/bench/results/<prefix><topic>.json; returns False when --results-dir is ''."""
    if not args.results_dir:
        return False
    os.makedirs(args.results_dir, exist_ok=True)
    path = results_path(args, prefix)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(results, f, indent=1, ensure_ascii=False)
    log(f"raw results: {os.path.relpath(path, ROOT)}")
    return True


def write_doc(path, text, what):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    log(f"wrote {os.path.relpath(path, ROOT)} ({what})")
