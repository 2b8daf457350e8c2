"""A counting HTTP proxy in front of Flink's REST port (stdlib only, threaded).

Every request is forwarded as it came (method, path, headers, body) to the upstream and its
answer sent back byte for byte (Flink's dashboard files too, so a browser can load the
dashboard through it). Each request is recorded: when it started and ended (monotonic
seconds), method, path, its endpoint class (`classify`), status, response size. `summary`
then counts a time window: per class, per refresh, per minute.

    proxy = CountingProxy("http://127.0.0.1:18082")
    proxy.start()                  # proxy.url: http://127.0.0.1:<free port>
    ...
    proxy.summary(t0, t1)          # or proxy.records(t0, t1)
    proxy.stop()
"""

import http.client
import re
import statistics
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# Hop-by-hop headers (RFC 9110 §7.6.1): not forwarded either way.
HOP = {"connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailer",
       "transfer-encoding", "upgrade", "proxy-connection"}
ID = r"[0-9a-fA-F]{32}"
STATIC = re.compile(r"(^/$|^/index\.html$|\.(js|css|html|ico|svg|png|jpg|gif|woff2?|ttf|eot|map|txt|json)$)")
# The refresh marker: one job-detail poll per refresh, for both clients.
JOB_DETAIL = "job detail /jobs/:jid"
JOB_PLAN = "job /jobs/:jid/plan"
PAIR_S = 1.0  # a job-detail poll this close to a plan request is part of a graph re-read


def classify(path):
    """The endpoint class of a request path ("per-vertex metrics", "job detail", …)."""
    p = urllib.parse.urlsplit(path).path.rstrip("/") or "/"
    if STATIC.search(p) and not p.startswith("/jobs/") and p != "/config":
        return "dashboard files"
    m = re.fullmatch(rf"/jobs/{ID}(/.*)?", p)
    if m:
        rest = m.group(1) or ""
        if rest == "":
            return JOB_DETAIL
        v = re.fullmatch(rf"/vertices/{ID}(/.*)?", rest)
        if v:
            sub = v.group(1) or ""
            return {
                "": "vertex detail /vertices/:vid",
                "/subtasks/metrics": "per-vertex metrics /vertices/:vid/subtasks/metrics",
                "/metrics": "per-vertex metrics /vertices/:vid/metrics",
                "/watermarks": "per-vertex watermarks /vertices/:vid/watermarks",
                "/backpressure": "per-vertex backpressure /vertices/:vid/backpressure",
            }.get(sub, "vertex other /vertices/:vid" + re.sub(r"/\d+", "/:n", sub))
        rest = re.sub(r"/\d+", "/:n", rest)
        rest = re.sub(ID, ":id", rest)
        return "job " + "/jobs/:jid" + rest
    p = re.sub(ID, ":id", p)
    if p.startswith("/taskmanagers"):
        return "taskmanagers " + re.sub(r"^/taskmanagers/(?!metrics$)[^/]+", "/taskmanagers/:tmid", p)
    if p.startswith("/jobmanager"):
        return "jobmanager " + p
    return {"/config": "config /config", "/overview": "cluster overview /overview",
            "/jobs/overview": "jobs overview /jobs/overview", "/jobs": "jobs /jobs"}.get(p, "other " + p)


def pct(vals, q):
    if not vals:
        return None
    vals = sorted(vals)
    return vals[min(len(vals) - 1, int(round(q * (len(vals) - 1))))]


class CountingProxy:
    def __init__(self, upstream, host="127.0.0.1", port=0):
        u = urllib.parse.urlsplit(upstream)
        self.upstream_host, self.upstream_port = u.hostname, u.port or 80
        self.upstream = upstream.rstrip("/")
        self.lock = threading.Lock()
        self._records = []
        self.inflight = 0
        self.max_inflight = 0
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive, as browsers and reqwest expect
            # One write per answer (headers + body, flushed by handle_one_request) and no Nagle:
            # otherwise each answer waits ~40 ms for a delayed ACK and the proxy, not the cluster,
            # sets the pace (measured: 132 requests/s through it against ~4,000/s direct).
            wbufsize = 1 << 16
            disable_nagle_algorithm = True

            def log_message(self, *_):
                pass

            def _forward(self):
                t0 = time.monotonic()
                with proxy.lock:
                    proxy.inflight += 1
                    proxy.max_inflight = max(proxy.max_inflight, proxy.inflight)
                status, body, err, stage = 502, b"", None, "upstream"
                try:
                    n = int(self.headers.get("Content-Length") or 0)
                    req_body = self.rfile.read(n) if n else None
                    headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP and k.lower() != "host"}
                    headers["Host"] = f"{proxy.upstream_host}:{proxy.upstream_port}"
                    status, resp_headers, body = proxy._upstream(self.command, self.path, req_body, headers)
                    stage = "client"
                    self.send_response(status)
                    for k, v in resp_headers:
                        if k.lower() not in HOP and k.lower() != "content-length":
                            self.send_header(k, v)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    if self.command != "HEAD":
                        self.wfile.write(body)
                except Exception as e:  # upstream down, client gone: record it, answer 502 if we still can
                    err = f"{stage}: {type(e).__name__}: {e}"
                    if stage == "client":  # the answer came, the client had gone: nothing to send
                        self.close_connection = True
                        return
                    try:
                        msg = err.encode()
                        self.send_response(502)
                        self.send_header("Content-Length", str(len(msg)))
                        self.end_headers()
                        self.wfile.write(msg)
                    except Exception:
                        pass
                finally:
                    t1 = time.monotonic()
                    with proxy.lock:
                        proxy.inflight -= 1
                        proxy._records.append({
                            "t0": t0, "t1": t1, "method": self.command, "path": self.path,
                            "cls": classify(self.path), "status": status, "bytes": len(body), "error": err,
                            "agent": (self.headers.get("User-Agent") or "")[:80],
                        })

            do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = do_HEAD = do_OPTIONS = _forward

        class Server(ThreadingHTTPServer):
            daemon_threads = True

            def handle_error(self, request, client_address):  # a client closing its keep-alive: no trace
                if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
                    super().handle_error(request, client_address)

        self.server = Server((host, port), Handler)
        self.url = f"http://{host}:{self.server.server_address[1]}"
        self._local = threading.local()
        self._thread = None

    def _upstream(self, method, path, body, headers):
        """One request to Flink over this thread's keep-alive connection (reconnects once)."""
        for attempt in (1, 2):
            conn = getattr(self._local, "conn", None)
            if conn is None:
                conn = self._local.conn = http.client.HTTPConnection(self.upstream_host, self.upstream_port,
                                                                     timeout=120)
            try:
                conn.request(method, path, body=body, headers=headers)
                resp = conn.getresponse()
                data = resp.read()
                return resp.status, resp.getheaders(), data
            except (http.client.HTTPException, OSError):
                conn.close()
                self._local.conn = None
                if attempt == 2:
                    raise

    def start(self):
        self._thread = threading.Thread(target=self.server.serve_forever, name="counting-proxy", daemon=True)
        self._thread.start()
        return self

    def stop(self):
        self.server.shutdown()
        self.server.server_close()

    def records(self, t0=None, t1=None):
        """The requests that started in [t0, t1) (all of them by default)."""
        with self.lock:
            recs = list(self._records)
        return [r for r in recs if (t0 is None or r["t0"] >= t0) and (t1 is None or r["t0"] < t1)]

    def summary(self, t0, t1):
        """Counts of the requests started in [t0, t1), dashboard files left out.

        Refreshes are counted by the job-detail polls (`GET /jobs/:jid`), which both clients send
        once per refresh of the graph's metrics — all but one per `GET /jobs/:jid/plan`, the one
        nearest to it (within `PAIR_S`): Streamlens re-reads the graph itself (detail +
        plan) now and then, apart from its metrics refreshes; the dashboard never asks for the plan
        (it is part of the job detail). Requests per refresh are counted between the first and the
        last poll of the window, so every refresh in that span is whole: (every request in that
        span, the graph re-reads too) / (polls - 1).
        """
        recs = [r for r in self.records(t0, t1) if r["cls"] != "dashboard files"]
        plans = [r["t0"] for r in recs if r["cls"] == JOB_PLAN]
        details = [r["t0"] for r in recs if r["cls"] == JOB_DETAIL and r["method"] == "GET"]
        paired = set()
        for p in plans:  # each plan request takes the job-detail request nearest to it, if close
            near = [(abs(t - p), i) for i, t in enumerate(details) if i not in paired and abs(t - p) <= PAIR_S]
            if near:
                paired.add(min(near)[1])
        polls = [t for i, t in enumerate(details) if i not in paired]
        by_cls = {}
        for r in recs:
            c = by_cls.setdefault(r["cls"], {"requests": 0, "errors": 0, "bytes": 0, "latency": []})
            c["requests"] += 1
            c["bytes"] += r["bytes"]
            c["errors"] += 1 if (r["error"] or r["status"] >= 400) else 0
            c["latency"].append(r["t1"] - r["t0"])
        seconds = t1 - t0
        out = {
            "window_s": round(seconds, 2), "requests": len(recs),
            "requests_per_min": round(len(recs) / seconds * 60, 1) if seconds > 0 else None,
            "bytes": sum(r["bytes"] for r in recs),
            "errors": sum(1 for r in recs if r["error"] or r["status"] >= 400),
            "client_gone": sum(1 for r in recs if (r["error"] or "").startswith("client:")),
            "polls": len(polls), "job_detail_requests": len(details), "plan_requests": len(plans),
            "latency_ms_p50": _ms(pct([r["t1"] - r["t0"] for r in recs], 0.5)),
            "latency_ms_p95": _ms(pct([r["t1"] - r["t0"] for r in recs], 0.95)),
            "max_inflight": self.max_inflight,
            "classes": {k: {"requests": v["requests"], "errors": v["errors"], "bytes": v["bytes"],
                            "latency_ms_p50": _ms(pct(v["latency"], 0.5)),
                            "latency_ms_p95": _ms(pct(v["latency"], 0.95))}
                        for k, v in sorted(by_cls.items(), key=lambda kv: -kv[1]["requests"])},
        }
        if len(polls) >= 2:
            gaps = [b - a for a, b in zip(polls, polls[1:])]
            span = [r for r in recs if polls[0] <= r["t0"] < polls[-1]]
            refreshes = len(polls) - 1
            out.update({
                "refresh_interval_s_median": round(statistics.median(gaps), 2),
                "refresh_interval_s_min": round(min(gaps), 2), "refresh_interval_s_max": round(max(gaps), 2),
                "refreshes": refreshes, "span_s": round(polls[-1] - polls[0], 2),
                "requests_per_refresh": round(len(span) / refreshes, 1),
                "per_refresh": {},
            })
            # Distinct vertices asked about per refresh (between two polls), per-vertex classes.
            cover = []
            for a, b in zip(polls, polls[1:]):
                vids = {m.group(1) for r in span if a <= r["t0"] < b and r["cls"].startswith("per-vertex")
                        for m in [re.search(rf"/vertices/({ID})", r["path"])] if m}
                cover.append(len(vids))
            out["vertices_per_refresh"] = {"min": min(cover), "median": statistics.median(cover), "max": max(cover)}
            counts = {}
            for r in span:
                counts[r["cls"]] = counts.get(r["cls"], 0) + 1
            out["per_refresh"] = {k: round(v / refreshes, 1) for k, v in sorted(counts.items(), key=lambda kv: -kv[1])}
        return out


def _ms(s):
    return None if s is None else round(s * 1000, 1)
