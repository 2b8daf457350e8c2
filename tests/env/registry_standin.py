#!/usr/bin/env python3
"""Confluent Schema Registry TEST STAND-IN for the Streamlens local environment.

NOT part of the product. No Confluent-compatible Schema Registry can be installed from
the registries these machines reach (crates.io, PyPI, npm, Debian), so tests talk to this
small server instead. It follows the Confluent Schema Registry REST API documentation
(https://docs.confluent.io/platform/current/schema-registry/develop/api.html): same paths,
same content type (application/vnd.schemaregistry.v1+json), same error bodies
({"error_code": 40401, "message": "Subject 'x' not found."}) and HTTP statuses. The client
must be written against the documented API, never against quirks of this file.

Python stdlib only (fastavro, when importable, is used to validate Avro schemas).

Implemented:
  GET    /                                       -> {}
  GET    /subjects[?deleted=&deletedOnly=&subjectPrefix=]
  GET    /subjects/{s}/versions[?deleted=&deletedOnly=]
  GET    /subjects/{s}/versions/{v|latest|-1}[?deleted=]
  GET    /subjects/{s}/versions/{v}/schema      (the raw schema string)
  GET    /subjects/{s}/versions/{v}/referencedby
  POST   /subjects/{s}/versions                 register {schema, schemaType?, references?}
  POST   /subjects/{s}[?deleted=]               lookup
  DELETE /subjects/{s}[?permanent=]             soft (then permanent) delete -> [versions]
  DELETE /subjects/{s}/versions/{v}[?permanent=]
  GET    /schemas[?subjectPrefix=&deleted=&latestOnly=]
  GET    /schemas/ids/{id}[?fetchMaxId=]        {schema, schemaType (omitted for AVRO), references?}
  GET    /schemas/ids/{id}/schema | /subjects | /versions
  GET    /schemas/types
  GET    /contexts
  GET|PUT /config ; GET|PUT|DELETE /config/{s}[?defaultToGlobal=]
  GET|PUT /mode   ; GET|PUT|DELETE /mode/{s}[?defaultToGlobal=]
  POST   /compatibility/subjects/{s}/versions[/{v}][?verbose=]

Deliberate simplifications (say so in tests that depend on them):
  * Schemas are stored in a canonical form: compact JSON (key order kept) for AVRO and
    JSON, the text stripped for PROTOBUF. Identity (same id) = same type + canonical text
    + references, across subjects, like the real registry.
  * Compatibility check is simple: AVRO compares records field by field (a reader field
    missing from the writer needs a default; primitive types must match or be a legal
    Avro promotion; enum symbols the reader lacks need an enum default); unions and named
    references are compared by type kind only. JSON and PROTOBUF are always compatible.
  * IMPORT mode honours "id"/"version" in the register body; READONLY modes refuse writes
    (42205). No contexts beyond the default ".", no rulesets/metadata, no tags API.

Options: --port, --host, --basic-auth user:pass (401 {"error_code":401,...} otherwise),
         --state FILE (load at start, save after every change),
         --tls-cert PEM --tls-key PEM (serve HTTPS, for TLS and custom-CA client tests).
"""

import argparse
import base64
import json
import os
import sys
import threading
import traceback
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlsplit

try:  # optional: real Avro validation
    import fastavro  # type: ignore
except ImportError:  # pragma: no cover
    fastavro = None

CONTENT_TYPE = "application/vnd.schemaregistry.v1+json"
SCHEMA_TYPES = ["JSON", "PROTOBUF", "AVRO"]
COMPAT_LEVELS = ["NONE", "BACKWARD", "BACKWARD_TRANSITIVE", "FORWARD", "FORWARD_TRANSITIVE",
                 "FULL", "FULL_TRANSITIVE"]
MODES = ["READWRITE", "READONLY", "READONLY_OVERRIDE", "IMPORT"]
MAX_VERSION = 2 ** 31 - 1


class RestError(Exception):
    """An error answered as {"error_code": code, "message": message} with HTTP `status`."""

    def __init__(self, status, code, message):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


# The documented errors (io.confluent.kafka.schemaregistry.rest.exceptions.Errors).
def subject_not_found(s):
    return RestError(404, 40401, f"Subject '{s}' not found.")


def version_not_found(v):
    return RestError(404, 40402, f"Version {v} not found.")


def schema_not_found(schema_id=None):
    msg = "Schema not found" if schema_id is None else f"Schema {schema_id} not found"
    return RestError(404, 40403, msg)


def subject_soft_deleted(s):
    return RestError(404, 40404, f"Subject '{s}' was soft deleted.Set permanent=true to delete permanently")


def subject_not_soft_deleted(s):
    return RestError(404, 40405, f"Subject '{s}' was not deleted first before being permanently deleted")


def version_soft_deleted(s, v):
    return RestError(404, 40406, f"Subject '{s}' Version {v} was soft deleted.Set permanent=true to delete permanently")


def version_not_soft_deleted(s, v):
    return RestError(404, 40407, f"Subject '{s}' Version {v} was not deleted first before being permanently deleted")


def compat_not_configured(s):
    return RestError(404, 40408, f"Subject '{s}' does not have subject-level compatibility configured")


def mode_not_configured(s):
    return RestError(404, 40409, f"Subject '{s}' does not have subject-level mode configured")


def incompatible(s, details):
    return RestError(409, 40901, f'Schema being registered is incompatible with an earlier schema for subject "{s}", details: {details}')


def invalid_schema(detail):
    return RestError(422, 42201, f"Invalid schema: {detail}")


def invalid_version(v):
    return RestError(422, 42202, f"The specified version '{v}' is not a valid version id. "
                                 'Allowed values are between [1, 2^31-1] and the string "latest"')


def invalid_compat():
    return RestError(422, 42203, "Invalid compatibility level. Valid values are none, backward, forward, full, "
                                 "backward_transitive, forward_transitive, and full_transitive")


def invalid_mode(m):
    return RestError(422, 42204, f"Invalid mode. Valid values are READWRITE, READONLY, READONLY_OVERRIDE, IMPORT; got {m}")


def not_permitted(msg):
    return RestError(422, 42205, msg)


def reference_exists(msg):
    return RestError(422, 42206, msg)


def id_does_not_match(msg):
    return RestError(422, 42207, msg)


def parse_version(v, allow_latest=True):
    """'latest' or -1 -> -1; 1..2^31-1 -> int; anything else -> 42202."""
    if allow_latest and (v == "latest" or v == "-1"):
        return -1
    try:
        n = int(v)
    except (TypeError, ValueError):
        raise invalid_version(v)
    if n < 1 or n > MAX_VERSION:
        raise invalid_version(v)
    return n


def flag(query, name):
    return query.get(name, ["false"])[-1].lower() == "true"


# --------------------------------------------------------------------------------------
# Schema handling


def canonical(schema_type, text):
    """The stored form: compact JSON for AVRO/JSON (like the real registry's canonical
    string), `"string"` for a bare primitive Avro {"type": "string"}, stripped text for
    PROTOBUF."""
    if schema_type == "PROTOBUF":
        return text.strip()
    obj = json.loads(text)
    if schema_type == "AVRO" and isinstance(obj, dict) and set(obj) == {"type"} and isinstance(obj["type"], str):
        obj = obj["type"]
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


AVRO_PRIMITIVES = {"null", "boolean", "int", "long", "float", "double", "bytes", "string"}
# (writer, reader) pairs Avro resolves by promotion.
AVRO_PROMOTIONS = {("int", "long"), ("int", "float"), ("int", "double"), ("long", "float"),
                   ("long", "double"), ("float", "double"), ("string", "bytes"), ("bytes", "string")}


def avro_kind(t):
    if isinstance(t, list):
        return "union"
    if isinstance(t, dict):
        return avro_kind(t.get("type")) if isinstance(t.get("type"), (dict, list)) else t.get("type")
    if t in AVRO_PRIMITIVES:
        return t
    return "named:" + str(t)  # a reference to a named type: not compared


def avro_can_read(reader, writer, path, msgs):
    """Append a message for every reason `reader` cannot read data written with `writer`."""
    rk, wk = avro_kind(reader), avro_kind(writer)
    if rk.startswith("named:") or wk.startswith("named:"):
        return
    if wk == "union":
        for branch in writer:
            avro_can_read(reader, branch, path, msgs)
        return
    if rk == "union":
        kinds = {avro_kind(b) for b in reader}
        if wk not in kinds and not any(k.startswith("named:") for k in kinds) \
                and not any((wk, k) in AVRO_PROMOTIONS for k in kinds):
            msgs.append(f"{{errorType:'MISSING_UNION_BRANCH', description:'The new schema is missing a type inside a "
                        f"union field at path '{path}' in the old schema', additionalInfo:'reader union lacking writer type: {wk.upper()}'}}")
        return
    if rk != wk and (wk, rk) not in AVRO_PROMOTIONS:
        msgs.append(f"{{errorType:'TYPE_MISMATCH', description:'The type (path '{path}') of a field in the new schema "
                    f"does not match with the old schema', additionalInfo:'reader type: {rk.upper()} not compatible with "
                    f"writer type: {wk.upper()}'}}")
        return
    if rk == "record":
        wfields = {f["name"]: f for f in writer.get("fields", [])}
        for i, f in enumerate(reader.get("fields", [])):
            if f["name"] in wfields:
                avro_can_read(f["type"], wfields[f["name"]]["type"], f"{path}/fields/{i}/type", msgs)
            elif "default" not in f:
                msgs.append(f"{{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE', description:'The field '{f['name']}' at "
                            f"path '{path}/fields/{i}' in the new schema has no default value and is missing in the old "
                            f"schema', additionalInfo:'{f['name']}'}}")
    elif rk == "enum":
        missing = [s for s in writer.get("symbols", []) if s not in reader.get("symbols", [])]
        if missing and "default" not in reader:
            msgs.append(f"{{errorType:'MISSING_ENUM_SYMBOLS', description:'The new schema is missing enum symbols "
                        f"'{missing}' at path '{path}/symbols' in the old schema', additionalInfo:'{missing}'}}")
    elif rk == "array":
        avro_can_read(reader.get("items"), writer.get("items"), f"{path}/items", msgs)
    elif rk == "map":
        avro_can_read(reader.get("values"), writer.get("values"), f"{path}/values", msgs)


class Registry:
    """All state, behind one lock. Versions of a subject: [{"version","id","deleted"}]."""

    def __init__(self, state_file=None):
        self.lock = threading.RLock()
        self.state_file = state_file
        self.schemas = {}      # id -> {"schemaType", "schema", "references"}
        self.subjects = {}     # subject -> [version entries]
        self.next_id = 1
        self.config = "BACKWARD"
        self.subject_config = {}
        self.mode = "READWRITE"
        self.subject_mode = {}
        if state_file and os.path.exists(state_file):
            with open(state_file, encoding="utf-8") as f:
                data = json.load(f)
            self.schemas = {int(k): v for k, v in data["schemas"].items()}
            self.subjects = data["subjects"]
            self.next_id = data["next_id"]
            self.config = data["config"]
            self.subject_config = data["subject_config"]
            self.mode = data["mode"]
            self.subject_mode = data["subject_mode"]

    def save(self):
        if not self.state_file:
            return
        data = {"schemas": self.schemas, "subjects": self.subjects, "next_id": self.next_id,
                "config": self.config, "subject_config": self.subject_config,
                "mode": self.mode, "subject_mode": self.subject_mode}
        tmp = self.state_file + ".tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(data, f)
        os.replace(tmp, self.state_file)

    # --- lookups ----------------------------------------------------------------------
    def versions(self, subject, deleted=False, deleted_only=False):
        out = []
        for e in self.subjects.get(subject, []):
            if deleted_only:
                if e["deleted"]:
                    out.append(e)
            elif deleted or not e["deleted"]:
                out.append(e)
        return out

    def has_subject(self, subject, deleted=False):
        return bool(self.versions(subject, deleted=deleted))

    def entry(self, subject, version, deleted=False):
        """The version entry (version -1 = latest), or None."""
        vs = self.versions(subject, deleted=deleted)
        if not vs:
            return None
        if version == -1:
            return vs[-1]
        return next((e for e in vs if e["version"] == version), None)

    def schema_entity(self, subject, e):
        s = self.schemas[e["id"]]
        out = {"subject": subject, "version": e["version"], "id": e["id"]}
        if s["schemaType"] != "AVRO":
            out["schemaType"] = s["schemaType"]
        if s["references"]:
            out["references"] = s["references"]
        out["schema"] = s["schema"]
        return out

    def resolve_ref(self, ref):
        for k in ("name", "subject", "version"):
            if k not in ref:
                raise invalid_schema(f"reference {ref} lacks '{k}'")
        v = parse_version(str(ref["version"]))
        e = self.entry(ref["subject"], v)
        if e is None:
            raise invalid_schema(f"reference {ref['name']} -> subject '{ref['subject']}' version "
                                 f"{ref['version']} not found")
        return e

    def avro_named(self, references, named, seen):
        """Parse referenced Avro schemas (depth first) into fastavro's named_schemas."""
        for ref in references:
            e = self.resolve_ref(ref)
            if e["id"] in seen:
                continue
            seen.add(e["id"])
            s = self.schemas[e["id"]]
            self.avro_named(s["references"], named, seen)
            if s["schemaType"] == "AVRO":
                fastavro.parse_schema(json.loads(s["schema"]), named_schemas=named)

    def validate(self, schema_type, text, references):
        """-> canonical text, or 42201."""
        if not isinstance(text, str) or not text.strip():
            raise invalid_schema("Empty schema")
        if schema_type not in SCHEMA_TYPES:
            raise invalid_schema(f"Invalid schema type {schema_type}")
        for ref in references:
            self.resolve_ref(ref)
        if schema_type == "PROTOBUF":
            if "message" not in text and "enum" not in text:
                raise invalid_schema("not a protobuf schema (no message or enum)")
            return canonical(schema_type, text)
        try:
            obj = json.loads(text)
        except ValueError as ex:
            raise invalid_schema(f"not valid JSON: {ex}")
        if schema_type == "AVRO" and fastavro is not None:
            named = {}
            try:
                self.avro_named(references, named, set())
                fastavro.parse_schema(obj, named_schemas=named)
            except RestError:
                raise
            except Exception as ex:  # fastavro raises several types
                raise invalid_schema(f"{type(ex).__name__}: {ex}")
        if schema_type == "JSON" and not isinstance(obj, (dict, bool)):
            raise invalid_schema("a JSON Schema must be an object or a boolean")
        return canonical(schema_type, text)

    def find_id(self, schema_type, text, references):
        for sid, s in self.schemas.items():
            if s["schemaType"] == schema_type and s["schema"] == text and s["references"] == references:
                return sid
        return None

    def effective_compat(self, subject):
        return self.subject_config.get(subject, self.config)

    def effective_mode(self, subject):
        return self.subject_mode.get(subject, self.mode)

    def check_writable(self, subject):
        if self.effective_mode(subject) in ("READONLY", "READONLY_OVERRIDE"):
            raise not_permitted(f"Subject {subject} is in read-only mode")

    def compat_messages(self, subject, schema_type, text, against, level):
        """Messages explaining why `text` is incompatible with the schemas `against`."""
        if level == "NONE" or schema_type != "AVRO":
            return []
        new = json.loads(text)
        msgs = []
        for e in against:
            old_s = self.schemas[e["id"]]
            if old_s["schemaType"] != "AVRO":
                continue
            old = json.loads(old_s["schema"])
            if level.startswith(("BACKWARD", "FULL")):
                avro_can_read(new, old, "", msgs)
            if level.startswith(("FORWARD", "FULL")):
                avro_can_read(old, new, "", msgs)
        return msgs

    def against(self, subject, level):
        vs = self.versions(subject)
        if level.endswith("_TRANSITIVE"):
            return vs
        return vs[-1:]

    # --- mutations ----------------------------------------------------------------------
    def register(self, subject, body):
        schema_type = body.get("schemaType") or "AVRO"
        references = body.get("references") or []
        text = self.validate(schema_type, body.get("schema"), references)
        self.check_writable(subject)
        # Same schema already under this subject (not deleted): same id, no new version.
        sid = self.find_id(schema_type, text, references)
        if sid is not None:
            for e in self.versions(subject):
                if e["id"] == sid:
                    return {"id": sid}
        importing = self.effective_mode(subject) == "IMPORT"
        if not importing:
            level = self.effective_compat(subject)
            msgs = self.compat_messages(subject, schema_type, text, self.against(subject, level), level)
            if msgs:
                raise incompatible(subject, "[" + ", ".join(msgs) + f", {{compatibility: '{level}'}}]")
        if importing and body.get("id") is not None:
            want = int(body["id"])
            if want in self.schemas and want != sid:
                raise id_does_not_match(f"Schema already registered with id {sid} instead of input id {want}"
                                        if sid else f"Overwrite new schema with id {want} is not permitted.")
            sid = want
        if sid is None:
            sid = self.next_id
        self.schemas[sid] = {"schemaType": schema_type, "schema": text, "references": references}
        self.next_id = max(self.next_id, sid + 1)
        entries = self.subjects.setdefault(subject, [])
        version = (entries[-1]["version"] + 1) if entries else 1
        if importing and body.get("version") is not None:
            version = int(body["version"])
        entries.append({"version": version, "id": sid, "deleted": False})
        entries.sort(key=lambda e: e["version"])
        self.save()
        return {"id": sid}

    def lookup(self, subject, body, deleted):
        schema_type = body.get("schemaType") or "AVRO"
        references = body.get("references") or []
        if not self.has_subject(subject, deleted=True):
            raise subject_not_found(subject)
        text = self.validate(schema_type, body.get("schema"), references)
        sid = self.find_id(schema_type, text, references)
        for e in reversed(self.versions(subject, deleted=deleted)):
            if e["id"] == sid:
                return self.schema_entity(subject, e)
        raise schema_not_found()

    def referenced_by(self, subject, version):
        """Ids of schemas still used by a subject version (soft-deleted ones count, like
        the real registry, until they are permanently deleted) that reference subject/version."""
        used = {e["id"] for entries in self.subjects.values() for e in entries}
        ids = []
        for sid, s in sorted(self.schemas.items()):
            if sid not in used:
                continue
            for ref in s["references"]:
                try:
                    e = self.resolve_ref(ref)
                except RestError:
                    continue
                if ref["subject"] == subject and e["version"] == version:
                    ids.append(sid)
        return ids

    def delete_subject(self, subject, permanent):
        if not self.has_subject(subject, deleted=True):
            raise subject_not_found(subject)
        self.check_writable(subject)
        live = self.versions(subject)
        if permanent:
            if live:
                raise subject_not_soft_deleted(subject)
            out = [e["version"] for e in self.subjects.pop(subject)]
            self.subject_config.pop(subject, None)
            self.subject_mode.pop(subject, None)
        else:
            if not live:
                raise subject_soft_deleted(subject)
            for e in live:
                if self.referenced_by(subject, e["version"]):
                    raise reference_exists(f"One or more references exist to the schema "
                                           f"{{subject={subject},version={e['version']}}}.")
            for e in live:
                e["deleted"] = True
            out = [e["version"] for e in live]
        self.save()
        return out

    def delete_version(self, subject, version_str, permanent):
        v = parse_version(version_str)
        e = self.entry(subject, v, deleted=permanent)
        if e is None:
            if not self.has_subject(subject, deleted=True):
                raise subject_not_found(subject)
            any_e = self.entry(subject, v, deleted=True)
            if any_e is not None and any_e["deleted"] and not permanent:
                raise version_soft_deleted(subject, version_str)
            raise version_not_found(v)
        self.check_writable(subject)
        if permanent:
            if not e["deleted"]:
                raise version_not_soft_deleted(subject, version_str)
            self.subjects[subject].remove(e)
            if not self.subjects[subject]:
                del self.subjects[subject]
        else:
            if self.referenced_by(subject, e["version"]):
                raise reference_exists(f"One or more references exist to the schema "
                                       f"{{subject={subject},version={e['version']}}}.")
            e["deleted"] = True
        self.save()
        return e["version"]


# --------------------------------------------------------------------------------------
# HTTP


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "streamlens-registry-standin/1"
    registry = None       # set in main()
    basic_auth = None     # "user:pass" or None

    def log_message(self, fmt, *args):  # one line per request on stderr
        sys.stderr.write("%s %s\n" % (self.address_string(), fmt % args))

    def send_json(self, status, obj, raw=False):
        body = (obj if raw else json.dumps(obj, ensure_ascii=False, separators=(",", ":"))).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", CONTENT_TYPE)
        self.send_header("Content-Length", str(len(body)))
        if status == 401:
            self.send_header("WWW-Authenticate", 'Basic realm="SchemaRegistry"')
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def read_body(self):
        n = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(n) if n else b""
        if not raw.strip():
            return {}
        try:
            body = json.loads(raw)
        except ValueError as ex:
            raise RestError(400, 400, f"Unexpected character in request body: {ex}")
        if not isinstance(body, dict):
            raise RestError(422, 422, "Unrecognized request body: expected a JSON object")
        return body

    def authorized(self):
        if not self.basic_auth:
            return True
        h = self.headers.get("Authorization", "")
        if not h.lower().startswith("basic "):
            return False
        try:
            return base64.b64decode(h[6:].strip()).decode("utf-8") == self.basic_auth
        except (ValueError, UnicodeDecodeError):
            return False

    def do_GET(self):
        self.dispatch("GET")

    def do_POST(self):
        self.dispatch("POST")

    def do_PUT(self):
        self.dispatch("PUT")

    def do_DELETE(self):
        self.dispatch("DELETE")

    def dispatch(self, method):
        try:
            if not self.authorized():
                # drain the body so the connection stays usable
                n = int(self.headers.get("Content-Length") or 0)
                if n:
                    self.rfile.read(n)
                raise RestError(401, 401, "Unauthorized")
            url = urlsplit(self.path)
            parts = [unquote(p) for p in url.path.split("/") if p != ""]
            query = parse_qs(url.query)
            with self.registry.lock:
                status, obj, raw = self.route(method, parts, query)
            self.send_json(status, obj, raw)
        except RestError as e:
            self.send_json(e.status, {"error_code": e.code, "message": e.message})
        except Exception as e:  # noqa: BLE001 — documented 50001 for internal errors
            traceback.print_exc()
            self.send_json(500, {"error_code": 50001, "message": f"Error in the backend data store: {e}"})

    def route(self, method, p, q):
        """-> (status, body, raw?) ; raises RestError."""
        reg = self.registry
        n = len(p)
        ok = lambda obj: (200, obj, False)  # noqa: E731

        if n == 0:
            if method == "GET":
                return ok({})
            raise method_not_allowed()

        head = p[0]
        if head == "subjects":
            if n == 1:
                if method != "GET":
                    raise method_not_allowed()
                names = sorted(reg.subjects)
                if flag(q, "deletedOnly"):
                    names = [s for s in names if not reg.versions(s) and reg.versions(s, deleted=True)]
                else:
                    names = [s for s in names if reg.has_subject(s, deleted=flag(q, "deleted"))]
                prefix = q.get("subjectPrefix", [""])[-1]
                if prefix:
                    names = [s for s in names if s.startswith(prefix)]
                return ok(names)
            subject = p[1]
            if n == 2:
                if method == "POST":
                    body = self.read_body()
                    return ok(reg.lookup(subject, body, flag(q, "deleted")))
                if method == "DELETE":
                    return ok(reg.delete_subject(subject, flag(q, "permanent")))
                raise method_not_allowed()
            if p[2] != "versions":
                raise not_found()
            if n == 3:
                if method == "GET":
                    deleted, deleted_only = flag(q, "deleted"), flag(q, "deletedOnly")
                    if not reg.has_subject(subject, deleted=deleted or deleted_only):
                        raise subject_not_found(subject)
                    return ok([e["version"] for e in reg.versions(subject, deleted, deleted_only)])
                if method == "POST":
                    return ok(reg.register(subject, self.read_body()))
                raise method_not_allowed()
            vstr = p[3]
            if n == 4 and method == "DELETE":
                return ok(reg.delete_version(subject, vstr, flag(q, "permanent")))
            if method != "GET" or n > 5:
                raise method_not_allowed() if n == 4 else not_found()
            v = parse_version(vstr)
            deleted = flag(q, "deleted")
            e = reg.entry(subject, v, deleted=deleted)
            if e is None:
                if not reg.has_subject(subject, deleted=deleted):
                    raise subject_not_found(subject)
                raise version_not_found(v)
            if n == 4:
                return ok(reg.schema_entity(subject, e))
            if p[4] == "schema":
                return 200, reg.schemas[e["id"]]["schema"], True
            if p[4] == "referencedby":
                return ok(reg.referenced_by(subject, e["version"]))
            raise not_found()

        if head == "schemas":
            if method != "GET":
                raise method_not_allowed()
            if n == 1:
                prefix = q.get("subjectPrefix", [""])[-1]
                out = []
                for s in sorted(reg.subjects):
                    if not s.startswith(prefix):
                        continue
                    vs = reg.versions(s, deleted=flag(q, "deleted"))
                    if flag(q, "latestOnly"):
                        vs = vs[-1:]
                    out.extend(reg.schema_entity(s, e) for e in vs)
                return ok(out)
            if n == 2 and p[1] == "types":
                return ok(SCHEMA_TYPES)
            if p[1] != "ids" or n < 3:
                raise not_found()
            try:
                sid = int(p[2])
            except ValueError:
                raise schema_not_found(p[2])
            s = reg.schemas.get(sid)
            if s is None:
                raise schema_not_found(sid)
            if n == 3:
                out = {}
                if s["schemaType"] != "AVRO":
                    out["schemaType"] = s["schemaType"]
                if s["references"]:
                    out["references"] = s["references"]
                out["schema"] = s["schema"]
                if flag(q, "fetchMaxId"):
                    out["maxId"] = max(reg.schemas)
                return ok(out)
            uses = [(subj, e) for subj in sorted(reg.subjects)
                    for e in reg.versions(subj, deleted=flag(q, "deleted")) if e["id"] == sid]
            if n == 4 and p[3] == "schema":
                return 200, s["schema"], True
            if n == 4 and p[3] == "subjects":
                return ok(sorted({subj for subj, _ in uses}))
            if n == 4 and p[3] == "versions":
                return ok([{"subject": subj, "version": e["version"]} for subj, e in uses])
            raise not_found()

        if head in ("config", "mode"):
            is_cfg = head == "config"
            key_get, key_put = ("compatibilityLevel", "compatibility") if is_cfg else ("mode", "mode")
            valid = COMPAT_LEVELS if is_cfg else MODES
            if n == 1:
                if method == "GET":
                    return ok({key_get: reg.config if is_cfg else reg.mode})
                if method == "PUT":
                    value = str(self.read_body().get(key_put, "")).upper()
                    if value not in valid:
                        raise invalid_compat() if is_cfg else invalid_mode(value)
                    if not is_cfg and value == "IMPORT" and reg.subjects and not flag(q, "force"):
                        raise not_permitted("Cannot import since found existing subjects")
                    if is_cfg:
                        reg.config = value
                    else:
                        reg.mode = value
                    reg.save()
                    return ok({key_put: value})
                raise method_not_allowed()
            if n != 2:
                raise not_found()
            subject = p[1]
            table = reg.subject_config if is_cfg else reg.subject_mode
            if method == "GET":
                value = table.get(subject)
                if value is None and flag(q, "defaultToGlobal"):
                    value = reg.config if is_cfg else reg.mode
                if value is None:
                    raise compat_not_configured(subject) if is_cfg else mode_not_configured(subject)
                return ok({key_get: value})
            if method == "PUT":
                value = str(self.read_body().get(key_put, "")).upper()
                if value not in valid:
                    raise invalid_compat() if is_cfg else invalid_mode(value)
                table[subject] = value
                reg.save()
                return ok({key_put: value})
            if method == "DELETE":
                if subject not in table:
                    raise subject_not_found(subject)
                old = table.pop(subject)
                reg.save()
                return ok({key_get: old})
            raise method_not_allowed()

        if head == "compatibility":
            if method != "POST":
                raise method_not_allowed()
            if n not in (4, 5) or p[1] != "subjects" or p[3] != "versions":
                raise not_found()
            subject = p[2]
            body = self.read_body()
            schema_type = body.get("schemaType") or "AVRO"
            text = reg.validate(schema_type, body.get("schema"), body.get("references") or [])
            level = reg.effective_compat(subject)
            if n == 5:
                v = parse_version(p[4])
                e = reg.entry(subject, v)
                if e is None:
                    if v == -1:
                        against = []  # nothing registered yet: compatible
                    elif not reg.has_subject(subject):
                        raise subject_not_found(subject)
                    else:
                        raise version_not_found(v)
                else:
                    against = [e]
            else:
                against = reg.against(subject, level)
            msgs = reg.compat_messages(subject, schema_type, text, against, level)
            out = {"is_compatible": not msgs}
            if flag(q, "verbose"):
                out["messages"] = msgs + ([f"{{compatibility: '{level}'}}"] if msgs else [])
            return ok(out)

        if head == "contexts" and n == 1 and method == "GET":
            return ok(["."])

        raise not_found()


def not_found():
    return RestError(404, 404, "HTTP 404 Not Found")


def method_not_allowed():
    return RestError(405, 405, "HTTP 405 Method Not Allowed")


def main():
    ap = argparse.ArgumentParser(description="Confluent Schema Registry test stand-in (tests only)")
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=int(os.environ.get("STREAMLENS_REGISTRY_PORT", "18081")))
    ap.add_argument("--basic-auth", metavar="USER:PASS", help="require HTTP basic auth")
    ap.add_argument("--state", metavar="FILE", help="JSON file to load at start and save after changes")
    ap.add_argument("--tls-cert", metavar="PEM", help="serve HTTPS with this certificate (chain) ...")
    ap.add_argument("--tls-key", metavar="PEM", help="... and this private key")
    args = ap.parse_args()

    Handler.registry = Registry(args.state)
    Handler.basic_auth = args.basic_auth
    ThreadingHTTPServer.daemon_threads = True
    ThreadingHTTPServer.allow_reuse_address = True
    server = ThreadingHTTPServer((args.host, args.port), Handler)
    scheme = "http"
    if args.tls_cert:
        import ssl
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(args.tls_cert, args.tls_key)
        server.socket = context.wrap_socket(server.socket, server_side=True)
        scheme = "https"
    print(f"schema registry stand-in listening on {scheme}://{args.host}:{args.port}"
          f"{' (basic auth)' if args.basic_auth else ''}{' state=' + args.state if args.state else ''}",
          file=sys.stderr, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
