#!/usr/bin/env python3
"""Benchmark the masking overhead of the data path: `streamlens consume` as support vs as developer.

Reads the JSON topic of consume_vs_kcat.py (bench.json.1m for 1,000,000 messages: the same
name, generator and seed, so an existing topic is reused; filled or topped up when short,
never deleted) from the beginning with `streamlens consume <topic> -c bench --format jsonl`
in two roles, in the same session, alternating, several runs each:

  - --role developer: on a dev connection the developer reads unmasked, so the data path
    only decodes;
  - --role support: decode + mask by the built-in workspace policy (schema tags, the
    built-in rule's sensitive field names, its content detectors).

Each run is a child process measured like consume_vs_kcat.py (wall; user + sys CPU from
wait4; peak RSS from GNU time). A run that writes another number of lines than the topic
holds fails. Every output line is also checked for '@' (each message holds an e-mail
address): a support run with any such line, or a developer run with none, fails (and a run
with a withheld payload: left out is not masked). Target:
masking costs at most 20 % CPU over decode alone (support / developer - 1 <= 20 %) on the
1,000,000-record topic. Writes its section of docs/benchmarks.md and the raw figures to
tests/bench/results/mask.<topic>.json.

The support role reads the workspace masking secret from the OS keyring (Secret Service),
so run it inside a D-Bus session with an unlocked, throwaway GNOME Keyring:

  . tests/env/env.sh
  dbus-run-session -- bash -c 'export XDG_DATA_HOME="$(mktemp -d)"
    eval "$(printf x | gnome-keyring-daemon --unlock --components=secrets)"; export GNOME_KEYRING_CONTROL
    "$STREAMLENS_PYTHON" tests/bench/mask_overhead.py [--messages 1000000] [--runs 3]'

Stdlib + confluent-kafka only. See tests/bench/README.md.
"""

import argparse
import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

import confluent_kafka

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from consume_vs_kcat import records, value_sizes  # noqa: E402
from harness import (begin, add_common_args, broker_facts, check, default_topic, ensure_topic,  # noqa: E402
                     git_rev, load_results, log, measure, rounds, run_line,
                     save_results, setup_streamlens, streamlens_cmd, write_doc)
from report import (METHOD_MEASURE, broker_line, existing_notes, failed_lines, fmt, machine_lines, med,  # noqa: E402
                    mib, notes_and_reproduce, put_section, ratio, run_medians)

BENCHMARK = "mask_overhead"
RESULTS_PREFIX = "mask."  # the topic is consume_vs_kcat.py's: its <topic>.json must stay its own
TITLE = "Masking overhead: support vs developer"
SECTION = "mask"
SECTION_BEGIN = (f"<!-- section {SECTION}: begin (written by tests/bench/mask_overhead.py; "
                 "the other benchmarks keep it when they rewrite this file) -->")
SECTION_END = f"<!-- section {SECTION}: end -->"
NOTES_BEGIN = "<!-- mask-notes:begin (kept when mask_overhead.py rewrites its section) -->"
NOTES_END = "<!-- mask-notes:end -->"
TARGET_OVERHEAD = 0.20  # support at most 20 % more CPU than developer
TARGET_RECORDS = 1_000_000  # … on the 1,000,000-record consume benchmark
ROLES = ["developer", "support"]
SAMPLE = 2000  # records of the check read per role before the timed runs
WITHHELD = b'{"withheld":'
KEYRING_SESSION = ("dbus-run-session -- bash -c 'export XDG_DATA_HOME=\"$(mktemp -d)\"; "
                   "eval \"$(printf x | gnome-keyring-daemon --unlock --components=secrets)\"; "
                   "export GNOME_KEYRING_CONTROL; ")


class AtLines:
    """A sink for harness.measure: counts the output lines holding '@' — an e-mail address, as
    every generated message has one in customer.email — and keeps where the first one is; also
    the lines with a withheld payload (`{"withheld": reason}`: not masked, left out whole)."""

    def __init__(self):
        self.lines = 0
        self.example = None
        self.withheld = 0
        self._tail = b""

    def write(self, chunk):
        lines = (self._tail + chunk).split(b"\n")
        self._tail = lines.pop()
        self._count(lines)

    def finish(self):
        self._count([self._tail] if self._tail else [])
        self._tail = b""
        return self

    def _count(self, lines):
        hits = [line for line in lines if b"@" in line]
        if hits and self.example is None:
            at = hits[0].index(b"@")
            self.example = hits[0][max(0, at - 80):at + 40].decode(errors="replace")
        self.lines += len(hits)
        self.withheld += sum(1 for line in lines if WITHHELD in line)


def role_cmd(sl, role, topic, limit=None):
    """streamlens --role ROLE consume … (the role is a global option, before the subcommand)."""
    cmd = streamlens_cmd(sl, topic, limit)
    return cmd[:1] + ["--role", role] + cmd[1:]


def masking_failure(role, res):
    """Why a run's output is not what its role must see, or None."""
    if role == "support" and res["at_lines"]:
        return f"not masked: {res['at_lines']:,} lines hold '@' (first: …{res['at_example']}…)"
    if res["withheld"]:
        return f"{res['withheld']:,} lines hold a withheld payload: not masked but left out"
    if role == "developer" and res["lines"] and not res["at_lines"]:
        return "no line holds '@': the developer did not read the data unmasked"
    return None


def read(sl, role, args, timeout, broker_pid, rnd, expected, limit=None):
    """One measured read as `role`, its output checked for rows and for '@'."""
    at = AtLines()
    res = measure(role_cmd(sl, role, args.topic, limit), sl["env"], timeout, broker_pid, sink=at)
    at.finish()
    res.update(client=role, round=rnd, at_lines=at.lines, at_example=at.example if role == "support" else None,
               withheld=at.withheld, read_failed=check(res, expected))
    res["masking_failed"] = masking_failure(role, res) if not res["read_failed"] else None
    res["failed"] = res["read_failed"] or res["masking_failed"]
    return res


def policy_facts(sl, workdir):
    """What `streamlens --role support policy show` says: mode, policy file (or built-in), hash."""
    p = subprocess.run([sl["path"], "--role", "support", "policy", "show"], env=sl["env"], capture_output=True,
                       text=True)
    lines = [line.replace(workdir, "<throwaway dir>") for line in p.stdout.splitlines()
             if line.split(":", 1)[0] in ("mode", "policy", "sha256")]
    return lines or [f"? (policy show: exit {p.returncode}, {p.stderr.strip()[-200:]})"]


# ---------------------------------------------------------------------------------------
# The report: this benchmark's section of docs/benchmarks.md

def summarize(results):
    s = {}
    for role in ROLES:
        runs = [r for r in results["runs"] if r["client"] == role]
        s[role] = run_medians([r for r in runs if not r["failed"]])
        s[role]["bytes"] = med([r for r in runs if not r["failed"]], "bytes")
        s[role]["runs"] = len(runs)
        s[role]["at_counts"] = [r["at_lines"] for r in runs if not r["read_failed"]]
    d, m = s["developer"]["cpu"], s["support"]["cpu"]
    s["overhead"] = ratio(m, d) - 1 if ratio(m, d) is not None else None
    return s


def size_row(r):
    s = summarize(r)
    return {"count": r["topic"]["count"], "finished": r["finished"], "d": s["developer"], "s": s["support"],
            "overhead": s["overhead"]}


def history(results_dir):
    out = []
    for name in sorted(os.listdir(results_dir)) if results_dir and os.path.isdir(results_dir) else []:
        if not (name.startswith(RESULTS_PREFIX) and name.endswith(".json")):
            continue
        try:
            r = json.load(open(os.path.join(results_dir, name), encoding="utf-8"))
            if r.get("benchmark") == BENCHMARK:
                out.append(size_row(r))
        except (OSError, ValueError, KeyError):
            continue
    return sorted(out, key=lambda h: h["count"])


def diff(a, b):
    return a - b if a is not None and b is not None else None


def pct(v):
    return fmt(v if v is None else v * 100, "+.1f", " %")


def at_text(counts, rows):
    """Lines holding '@' of the runs that read every row: one figure when all agree."""
    if not counts:
        return "—"
    if len(set(counts)) == 1:
        return f"{counts[0]:,} of {rows:,}" + (f" (each of {len(counts)} runs)" if len(counts) > 1 else "")
    return ", ".join(f"{c:,}" for c in counts) + f" of {rows:,}"


def render_section(r, notes):
    s = summarize(r)
    D, S = s["developer"], s["support"]
    n, t = r["topic"]["count"], r["topic"]
    overhead = s["overhead"]
    masked_ok = None
    if D["at_counts"] or S["at_counts"]:
        masked_ok = not any(S["at_counts"]) and all(D["at_counts"])

    def met(ok):
        return "—" if ok is None else ("**met**" if ok else "**not met**")

    target = f"{TARGET_OVERHEAD * 100:.0f} %"
    verdict = met(None if overhead is None else overhead <= TARGET_OVERHEAD)
    out = [SECTION_BEGIN, f"## {TITLE}", ""]
    w = out.append
    w(f"Generated by `tests/bench/mask_overhead.py`. Measured {r['finished']} on `{t['topic']}`: {n:,} JSON "
      f"messages (the topic of `consume_vs_kcat.py`: {t['partitions']} partitions, value "
      f"≈ {t['value_bytes_mean']} B of compact JSON with a customer name and e-mail address, "
      f"{t['value_bytes_min']}–{t['value_bytes_max']} B; "
      f"producer compression {t['compression']}), read whole with `streamlens consume --format jsonl` as the "
      "developer role (decode only: a developer reads a dev connection unmasked) and as the support role (decode "
      f"+ mask by the built-in workspace policy). Medians of {D['n']} developer and {S['n']} support runs.")
    if r.get("scaled_down"):
        w("")
        w(f"**Not the full size:** {r['scaled_down']}")
    w("")
    at_size = "" if n == TARGET_RECORDS else f" Measured at {n:,} records, not the target's {TARGET_RECORDS:,}."
    w(f"**Target:** masking costs at most {target} CPU over decode alone (support / developer − 1 ≤ {target}, "
      f"user + sys, on the {TARGET_RECORDS:,}-record consume benchmark): "
      + (f"{verdict}, {pct(overhead)}." if overhead is not None else "not measured (no "
         + " and no ".join(f"{role} run" for role in ROLES if not s[role]["n"]) + " passed).")
      + at_size)
    w("")
    w("| records | measured | runs ok D / S | CPU developer | CPU support | overhead | wall developer | "
      "wall support | peak RSS developer | peak RSS support |")
    w("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for h in r.get("history") or [size_row(r)]:
        hd, hs = h["d"], h["s"]
        w(f"| {h['count']:,} | {h['finished']} | {hd['n']} of {hd['runs']} / {hs['n']} of {hs['runs']} | "
          f"{fmt(hd['cpu'], '.2f', ' s')} | {fmt(hs['cpu'], '.2f', ' s')} | {pct(h['overhead'])} | "
          f"{fmt(hd['wall'], '.1f', ' s')} | {fmt(hs['wall'], '.1f', ' s')} | "
          f"{fmt(mib(hd['max_rss_kib']), '.1f', ' MiB')} | {fmt(mib(hs['max_rss_kib']), '.1f', ' MiB')} |")
    w("")
    w("CPU and wall: medians of the runs that read every row and passed the `@` check; overhead: CPU support / "
      "CPU developer − 1; peak RSS: the highest run. One row per topic size stored in `tests/bench/results/`.")
    w("")

    w("### This session")
    w("")
    w("| | developer (decode) | support (decode + mask) | support − developer | check | |")
    w("|---|---:|---:|---:|---|---|")
    w(f"| client CPU time (user + sys) | {fmt(D['cpu'], '.2f', ' s')} | {fmt(S['cpu'], '.2f', ' s')} | "
      f"{fmt(diff(S['cpu'], D['cpu']), '+.2f', ' s')} "
      f"({pct(overhead)}) | ≤ +{target} | {verdict} |")
    w(f"| — of which user / sys | {fmt(D['user'], '.2f')} / {fmt(D['sys'], '.2f')} s | "
      f"{fmt(S['user'], '.2f')} / {fmt(S['sys'], '.2f')} s | | | |")
    per = {k: v["cpu"] / n * 1e6 if v["cpu"] is not None and n else None for k, v in (("d", D), ("s", S))}
    w(f"| CPU per record | {fmt(per['d'], '.2f', ' µs')} | {fmt(per['s'], '.2f', ' µs')} | "
      f"{fmt(diff(per['s'], per['d']), '+.2f', ' µs')} (masking) | | |")
    w(f"| wall time | {fmt(D['wall'], '.1f', ' s')} | {fmt(S['wall'], '.1f', ' s')} | "
      f"{fmt(ratio(S['wall'], D['wall']), '.2f', '×')} | (broker-bound) | |")
    w(f"| throughput | {fmt(D['wall'] and n / D['wall'], ',.0f', ' rec/s')} | "
      f"{fmt(S['wall'] and n / S['wall'], ',.0f', ' rec/s')} | | | |")
    w(f"| peak RSS (median of runs) | {fmt(mib(D['maxrss_kib']), '.1f', ' MiB')} | "
      f"{fmt(mib(S['maxrss_kib']), '.1f', ' MiB')} | {fmt(ratio(S['maxrss_kib'], D['maxrss_kib']), '.2f', '×')} "
      "| | |")
    w(f"| peak RSS (highest run) | {fmt(mib(D['max_rss_kib']), '.1f', ' MiB')} | "
      f"{fmt(mib(S['max_rss_kib']), '.1f', ' MiB')} | | | |")
    w(f"| stdout | {fmt(D['bytes'] and D['bytes'] / 1e6, ',.0f', ' MB')} | "
      f"{fmt(S['bytes'] and S['bytes'] / 1e6, ',.0f', ' MB')} | | | |")
    w(f"| lines holding `@`, full reads | {at_text(D['at_counts'], n)} | {at_text(S['at_counts'], n)} | | "
      f"developer: all, support: none | {met(masked_ok)} |")
    sample = {x["client"]: x for x in r.get("samples", [])}
    if sample:
        w(f"| lines holding `@`, `--limit {SAMPLE:,}` read before the runs | "
          + " | ".join(f"{x['at_lines']:,} of {x['lines']:,}" if x else "—" for x in map(sample.get, ROLES))
          + " | | | |")
    w("")
    out.extend(failed_lines(r.get("samples", []) + r["runs"],
                            lambda x: "full read" if x["round"] else f"--limit {SAMPLE} read"))

    w("### Runs")
    w("")
    w("| # | role | rows | lines with `@` | stdout | wall | user | sys | user + sys | peak RSS | broker CPU | "
      "machine busy | |")
    w("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for x in r["runs"]:
        w(f"| {x['round']} | {x['client']} | {x['lines']:,} | {x['at_lines']:,} | {x['bytes'] / 1e6:,.0f} MB | "
          f"{x['wall']:.1f} s | {x['user']:.2f} s | {x['sys']:.2f} s | {x['cpu']:.2f} s | "
          f"{fmt(mib(x['maxrss_kib']), '.1f', ' MiB')} | {fmt(x['broker_cpu'], '.1f', ' s')} | "
          f"{x['machine_busy_cores']:.2f} cores | {'FAILED: ' + x['failed'] if x['failed'] else 'ok'} |")
    w("")

    w("### Machine and versions")
    w("")
    out.extend(machine_lines(r))
    w("- Policy (`streamlens --role support policy show`): " + "; ".join(f"`{p}`" for p in r["policy"]) + ".")
    w(broker_line(r["broker"]))
    w(f"- Harness: Python {r['python']}, confluent-kafka {r['confluent_kafka']} (librdkafka "
      f"{r['confluent_kafka_lib']}) for producing.")
    w("")

    w("### Method")
    w("")
    w(f"- The topic is `consume_vs_kcat.py`'s, from the same generator (seed {r['seed']}): synthetic web-shop "
      "order events, compact JSON, each with a customer name (diacritics) and e-mail address, keyed by order "
      "id, no headers. An existing topic with enough messages is reused, a short one is topped up; topics are "
      "never deleted.")
    w("- Commands, with the throwaway connection `bench` (environment dev) in a throwaway data dir: no policy "
      "file there, so the built-in workspace policy applies, in personal mode:")
    for role in ROLES:
        w(f"  - `{' '.join(r['commands'][role])}`")
    w("- The developer may read a dev connection unmasked: its data path decodes only. The support role's is "
      "masked: each value is decoded whole, parsed and walked by the masker — schema tags (none here: plain "
      "JSON without a schema), the built-in rule's sensitive field names (`*email*`, `*phone*`, `*street*`, "
      "…; here `customer.email`) and its content detectors on every other string — and what matches is "
      "redacted. The CLI decodes whole values for both roles, so the difference is the mask stage (and "
      "reading the masking secret from the keyring once per run).")
    w(f"- Before the timed runs, each role reads the first {SAMPLE:,} records (`--limit {SAMPLE}`): that run "
      "fails fast when the keyring is not reachable, makes the workspace masking secret if it is missing (so "
      "no timed run pays for that), and is checked like the full reads.")
    out.extend(METHOD_MEASURE)
    w("- Both write to a pipe that the harness drains, counting lines and the lines holding `@` (every "
      "message has an e-mail address): a support run with any such line is not masked, a developer run with "
      "none did not read unmasked; either fails, and so does a run with a withheld payload (`{\"withheld\": "
      "…}`: left out, not masked). A run that writes any other number of lines than the topic holds, exits "
      "non-zero or times out fails too. Failed runs are left out of the medians.")
    w("- Runs alternate between the roles, and the order flips every round (D S, S D, …).")
    w("")
    out += notes_and_reproduce(notes, NOTES_BEGIN, NOTES_END, "the local broker (and the rest of tests/env)")
    w(f"{KEYRING_SESSION}\"$STREAMLENS_PYTHON\" tests/bench/mask_overhead.py {r['argv']}'")
    w("```")
    w("")
    w("The support role reads the masking secret from the OS keyring, hence the D-Bus session with an "
      "unlocked throwaway GNOME Keyring. See `tests/bench/README.md` for the options.")
    w("")
    w(SECTION_END)
    return "\n".join(out) + "\n"


def write_section(args, results):
    if not args.doc:
        return
    notes = existing_notes(args.doc, NOTES_BEGIN, NOTES_END)
    write_doc(args.doc, put_section(args.doc, SECTION, render_section(results, notes)), f"section “{TITLE}”")


# ---------------------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_common_args(ap, "default: consume_vs_kcat.py's topic, bench.json.1m for 1,000,000, bench.json.100k for "
                        "100,000, …")
    args = ap.parse_args()
    args.topic = args.topic or default_topic("bench.json", args.messages)
    if args.render_only:
        results = load_results(args, RESULTS_PREFIX)
        results["history"] = history(args.results_dir)
        write_section(args, results)
        return
    argv, timeout, started, machine = begin(args)
    topic = ensure_topic(args, records(args.seed))
    topic.update(value_sizes(args.seed, args.messages))
    if args.produce_only:
        return
    expected = topic["count"]
    broker = broker_facts()
    workdir = tempfile.mkdtemp(prefix="streamlens-bench-mask.")
    samples, runs = [], []
    try:
        sl = setup_streamlens(args, workdir)
        for var in ("STREAMLENS_POLICY", "STREAMLENS_POLICY_KEY"):  # the built-in policy, unless managed
            sl["env"].pop(var, None)
        policy = policy_facts(sl, workdir)
        log(f"streamlens: {sl['version']} ({sl['path']}); {'; '.join(policy)}")
        for role in ROLES:
            res = read(sl, role, args, timeout, broker["pid"], 0, min(SAMPLE, expected), limit=SAMPLE)
            samples.append(res)
            log(f"first {SAMPLE:,} as {role:9s}: {res['at_lines']:,} of {res['lines']:,} lines hold '@'"
                + (f"  FAILED: {res['failed']}" if res["failed"] else ""))
            if res["read_failed"]:
                sys.exit(f"the {role} role cannot read {args.topic}: {res['read_failed']}"
                         + ("\nThe support role needs the OS keyring for the masking secret; run inside "
                            f"{KEYRING_SESSION}…'" if role == "support" else ""))
        for rnd, role in rounds(args.runs, ROLES):
            res = read(sl, role, args, timeout, broker["pid"], rnd, expected)
            runs.append(res)
            log(f"run {rnd} {role:10s} {run_line(res)}  '@' lines {res['at_lines']:,}")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    results = {
        "benchmark": BENCHMARK,
        "finished": datetime.datetime.now().strftime("%Y-%m-%d %H:%M"),
        "argv": argv, "seed": args.seed, "topic": topic, "machine": machine, "broker": broker, "git": git_rev(),
        "python": sys.version.split()[0], "confluent_kafka": confluent_kafka.__version__,
        "confluent_kafka_lib": confluent_kafka.libversion()[0],
        "streamlens": {k: v for k, v in sl.items() if k != "env"}, "policy": policy,
        "commands": {role: ["streamlens"] + role_cmd(sl, role, args.topic)[1:] for role in ROLES},
        "samples": samples, "runs": runs, "scaled_down": args.scaled_down,
        "seconds": round(time.perf_counter() - started, 1),
    }
    s = summarize(results)
    D, S = s["developer"], s["support"]
    log(f"medians: developer cpu {fmt(D['cpu'], '.2f')} s wall {fmt(D['wall'], '.1f')} s "
        f"rss {fmt(mib(D['maxrss_kib']), '.1f')} MiB | support cpu {fmt(S['cpu'], '.2f')} s "
        f"wall {fmt(S['wall'], '.1f')} s rss {fmt(mib(S['maxrss_kib']), '.1f')} MiB | "
        f"masking overhead {pct(s['overhead'])} (target ≤ +{TARGET_OVERHEAD * 100:.0f} %)")
    if save_results(args, results, RESULTS_PREFIX):
        results["history"] = history(args.results_dir)
    write_section(args, results)
    if any(x["failed"] for x in samples + runs):
        sys.exit(1)


if __name__ == "__main__":
    main()
