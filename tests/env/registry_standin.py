#!/usr/bin/env python3
"""Confluent Schema Registry TEST STAND-IN for the Streamlens local environment.

NOT part of the product. No Confluent-compatible Schema Registry can be installed from
the registries these machines reach (crates.io, PyPI, npm, Debian), so tests talk to this
small server instead. It follows the Confluent Schema Registry REST API documentation
(https://docs.confluent.io/platform/current/schema-registry/develop/api.html): same paths,
same content type (application/vnd.schemaregistry.v1+json), same error bodies
({"error_code": 40401, "message": "Subject 'x' not found."}) and HTTP statuses. The client
must be written against the documented API, never against quirks of this file.

Python stdlib only (fastavro, when importable, is used to validate Avro schemas; the
protobuf package, when importable, reads Protobuf schemas registered as a base64 serialized
FileDescriptorProto; protoc, when on PATH, answers ?format=serialized for ones registered as
.proto text).

Implemented:
  GET    /                                       -> {}
  GET    /subjects[?deleted=&deletedOnly=&subjectPrefix=]
  GET    /subjects/{s}/versions[?deleted=&deletedOnly=]
  GET    /subjects/{s}/versions/{v|latest|-1}[?deleted=&format=]
  GET    /subjects/{s}/versions/{v}/schema[?format=]  (the raw schema string)
  GET    /subjects/{s}/versions/{v}/referencedby
  POST   /subjects/{s}/versions                 register {schema, schemaType?, references?}
  POST   /subjects/{s}[?deleted=&format=]       lookup
  DELETE /subjects/{s}[?permanent=]             soft (then permanent) delete -> [versions]
  DELETE /subjects/{s}/versions/{v}[?permanent=]
  GET    /schemas[?subjectPrefix=&deleted=&latestOnly=]
  GET    /schemas/ids/{id}[?fetchMaxId=&format=]  {schema, schemaType (omitted for AVRO), references?}
  GET    /schemas/ids/{id}/schema[?format=] | /subjects | /versions
  (format=serialized: a PROTOBUF schema as the base64 of its serialized FileDescriptorProto;
   other formats and types answer the stored text)
  GET    /schemas/types
  GET    /contexts
  GET|PUT /config ; GET|PUT|DELETE /config/{s}[?defaultToGlobal=]
  GET|PUT /mode   ; GET|PUT|DELETE /mode/{s}[?defaultToGlobal=]
  POST   /compatibility/subjects/{s}/versions[/{v}][?verbose=]

Deliberate simplifications (say so in tests that depend on them):
  * Schemas are stored in a canonical form: compact JSON (key order kept) for AVRO and
    JSON, the text stripped for PROTOBUF. Identity (same id) = same type + canonical text
    + references, across subjects, like the real registry.
  * PROTOBUF registered as a base64 serialized FileDescriptorProto (what confluent-kafka's
    Python serializer sends) is stored, like the real registry does, as .proto text (this
    file's own rendering, not the real registry's exact spelling: fully qualified type names
    with a leading dot, standard options only) and answered as text; ?format=serialized
    answers the descriptor as registered. A schema registered as text and asked for with
    ?format=serialized is compiled with protoc (references as files, well-known types from
    protoc's include dir). Text is not re-printed, so the same schema sent once as text and
    once as a descriptor gets two ids (the real registry normalises both to one text).
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
import shutil
import subprocess
import sys
import tempfile
import threading
import traceback
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlsplit

try:  # optional: real Avro validation
    import fastavro  # type: ignore
except ImportError:  # pragma: no cover
    fastavro = None

try:  # optional: Protobuf schemas registered as a base64 serialized FileDescriptorProto
    from google.protobuf import descriptor_pb2  # type: ignore
except ImportError:  # pragma: no cover
    descriptor_pb2 = None

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


# --------------------------------------------------------------------------------------
# Protobuf: a serialized FileDescriptorProto (base64, as confluent-kafka's Python and Go
# serializers register it) <-> .proto text. The real registry parses either form and keeps
# the canonical .proto text: GET answers text unless ?format=serialized asks for the base64
# descriptor. Needs the `protobuf` package (descriptor -> text) and `protoc` (text ->
# descriptor, only for ?format=serialized of a schema registered as text).

_PB_SCALARS = {1: "double", 2: "float", 3: "int64", 4: "uint64", 5: "int32", 6: "fixed64", 7: "fixed32",
               8: "bool", 9: "string", 12: "bytes", 13: "uint32", 15: "sfixed32", 16: "sfixed64",
               17: "sint32", 18: "sint64"}
_PB_MESSAGE, _PB_GROUP, _PB_ENUM = 11, 10, 14


def descriptor_from_base64(text):
    """The FileDescriptorProto a base64 schema string encodes, or None when it is not one."""
    if descriptor_pb2 is None or not isinstance(text, str):
        return None
    compact = text.strip()
    if not compact or any(c.isspace() for c in compact):
        return None
    try:
        raw = base64.b64decode(compact, validate=True)
        fdp = descriptor_pb2.FileDescriptorProto.FromString(raw)
    except Exception:  # noqa: BLE001 — binascii.Error, DecodeError
        return None
    if not (fdp.message_type or fdp.enum_type or fdp.service or fdp.name or fdp.package):
        return None
    return fdp


def _pb_json_name(name):
    out, upper = [], False
    for c in name:
        if c == "_":
            upper = True
        elif upper:
            out.append(c.upper())
            upper = False
        else:
            out.append(c)
    return "".join(out)


def _pb_literal(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, bytes):
        v = v.decode("latin-1")
    return json.dumps(v, ensure_ascii=False)


def _pb_options(opts, skip=()):
    """[(name, literal)] of the standard options set in an *Options message (custom
    options, i.e. extensions, are left out)."""
    out = []
    for fd, value in opts.ListFields():
        if fd.is_extension or fd.name in skip or fd.name == "uninterpreted_option":
            continue
        if fd.type == _PB_ENUM:
            out.append((fd.name, fd.enum_type.values_by_number[value].name))
        elif fd.type in (_PB_MESSAGE, _PB_GROUP) or getattr(fd, "is_repeated", getattr(fd, "label", 0) == 3):
            continue
        else:
            out.append((fd.name, _pb_literal(value)))
    return out


def _pb_ranges(ranges, end_exclusive):
    parts = []
    for r in ranges:
        end = r.end - 1 if end_exclusive else r.end
        parts.append(str(r.start) if end == r.start else f"{r.start} to {'max' if end >= 536870911 else end}")
    return ", ".join(parts)


def descriptor_to_text(fdp):
    """.proto text of a FileDescriptorProto (proto2 and proto3; groups are refused)."""
    out = []
    syntax = fdp.syntax or "proto2"
    if syntax == "editions":
        raise ValueError("editions files are not supported by the stand-in")
    out.append(f'syntax = "{syntax}";')
    if fdp.package:
        out.append(f"package {fdp.package};")
    public = set(fdp.public_dependency)
    weak = set(fdp.weak_dependency)
    if fdp.dependency:
        out.append("")
    for i, dep in enumerate(fdp.dependency):
        mod = "public " if i in public else "weak " if i in weak else ""
        out.append(f'import {mod}"{dep}";')
    file_opts = _pb_options(fdp.options)
    if file_opts:
        out.append("")
    for name, lit in file_opts:
        out.append(f"option {name} = {lit};")

    def type_name(f):
        if f.type in (_PB_MESSAGE, _PB_ENUM):
            return f.type_name  # fully qualified, with the leading dot
        if f.type == _PB_GROUP:
            raise ValueError("proto2 groups are not supported by the stand-in")
        return _PB_SCALARS[f.type]

    def field_line(f, msg, in_oneof):
        entries = {n.name: n for n in msg.nested_type if n.options.map_entry}
        short = f.type_name.rsplit(".", 1)[-1] if f.type_name else ""
        opts = []
        if f.HasField("default_value"):
            dv = f.default_value
            # (bytes defaults are kept C-escaped in the descriptor, strings are not)
            opts.append(("default", f'"{dv}"' if f.type == 12 else json.dumps(dv, ensure_ascii=False)
                         if f.type == 9 else dv))
        if f.HasField("json_name") and f.json_name != _pb_json_name(f.name):
            opts.append(("json_name", json.dumps(f.json_name)))
        opts += _pb_options(f.options)
        suffix = (" [" + ", ".join(f"{k} = {v}" for k, v in opts) + "]") if opts else ""
        if f.label == 3 and f.type == _PB_MESSAGE and short in entries \
                and f.type_name.endswith("." + msg.name + "." + short):
            e = entries[short]
            k, v = e.field[0], e.field[1]
            return f"map<{type_name(k)}, {type_name(v)}> {f.name} = {f.number}{suffix};"
        if in_oneof:
            label = ""
        elif f.label == 3:
            label = "repeated "
        elif f.label == 2:
            label = "required "
        elif syntax == "proto2" or f.proto3_optional:
            label = "optional "
        else:
            label = ""
        return f"{label}{type_name(f)} {f.name} = {f.number}{suffix};"

    def enum_block(e, ind):
        lines = [f"{ind}enum {e.name} {{"]
        for name, lit in _pb_options(e.options):
            lines.append(f"{ind}  option {name} = {lit};")
        if e.reserved_range:
            lines.append(f"{ind}  reserved {_pb_ranges(e.reserved_range, False)};")
        if e.reserved_name:
            lines.append(f"{ind}  reserved {', '.join(json.dumps(n) for n in e.reserved_name)};")
        for v in e.value:
            vo = _pb_options(v.options)
            suffix = (" [" + ", ".join(f"{k} = {x}" for k, x in vo) + "]") if vo else ""
            lines.append(f"{ind}  {v.name} = {v.number}{suffix};")
        lines.append(f"{ind}}}")
        return lines

    def message_block(m, ind):
        lines = [f"{ind}message {m.name} {{"]
        for name, lit in _pb_options(m.options, skip=("map_entry",)):
            lines.append(f"{ind}  option {name} = {lit};")
        if m.reserved_range:
            lines.append(f"{ind}  reserved {_pb_ranges(m.reserved_range, True)};")
        if m.reserved_name:
            lines.append(f"{ind}  reserved {', '.join(json.dumps(n) for n in m.reserved_name)};")
        # real oneofs print where their first field is; proto3 `optional` uses synthetic ones
        synthetic = {f.oneof_index for f in m.field if f.HasField("oneof_index") and f.proto3_optional}
        done_oneofs = set()
        next_field = 0

        def print_fields(upto):
            """Print the fields before index `upto` not printed yet."""
            nonlocal next_field
            while next_field < upto:
                f = m.field[next_field]
                next_field += 1
                if f.HasField("oneof_index") and f.oneof_index not in synthetic:
                    oi = f.oneof_index
                    if oi in done_oneofs:
                        continue
                    done_oneofs.add(oi)
                    lines.append(f"{ind}  oneof {m.oneof_decl[oi].name} {{")
                    for g in m.field:
                        if g.HasField("oneof_index") and g.oneof_index == oi:
                            lines.append(f"{ind}    {field_line(g, m, True)}")
                    lines.append(f"{ind}  }}")
                else:
                    lines.append(f"{ind}  {field_line(f, m, False)}")

        # Nested messages keep their descriptor order, which message indexes ([1, 0] ...)
        # count in: protoc adds a map field's entry type where the field is declared, so a
        # nested message is printed before the map fields whose entries follow it.
        for n in m.nested_type:
            if n.options.map_entry:
                uses = [i for i, f in enumerate(m.field)
                        if f.type == _PB_MESSAGE and f.type_name.endswith(f".{m.name}.{n.name}")]
                print_fields(uses[0] + 1 if uses else next_field)
            else:
                lines += message_block(n, ind + "  ")
        print_fields(len(m.field))
        for e in m.enum_type:
            lines += enum_block(e, ind + "  ")
        if m.extension_range:
            lines.append(f"{ind}  extensions {_pb_ranges(m.extension_range, True)};")
        lines += extend_blocks(m.extension, m, ind + "  ")
        lines.append(f"{ind}}}")
        return lines

    def extend_blocks(exts, scope, ind):
        lines, by_target = [], {}
        for x in exts:
            by_target.setdefault(x.extendee, []).append(x)
        for target, fields in by_target.items():
            lines.append(f"{ind}extend {target} {{")
            for x in fields:
                lines.append(f"{ind}  {field_line(x, scope, False)}")
            lines.append(f"{ind}}}")
        return lines

    for m in fdp.message_type:
        out.append("")
        out += message_block(m, "")
    for e in fdp.enum_type:
        out.append("")
        out += enum_block(e, "")
    if fdp.extension:
        out.append("")
        out += extend_blocks(fdp.extension, descriptor_pb2.DescriptorProto(), "")
    for s in fdp.service:
        out.append("")
        out.append(f"service {s.name} {{")
        for name, lit in _pb_options(s.options):
            out.append(f"  option {name} = {lit};")
        for r in s.method:
            cs = "stream " if r.client_streaming else ""
            ss = "stream " if r.server_streaming else ""
            out.append(f"  rpc {r.name}({cs}{r.input_type}) returns ({ss}{r.output_type});")
        out.append("}")
    return "\n".join(out) + "\n"


def protoc_include_dirs():
    """(protoc, the dir holding google/protobuf/*.proto) or (None, None)."""
    protoc = shutil.which("protoc")
    if not protoc:
        return None, None
    for d in (os.path.join(os.path.dirname(os.path.dirname(os.path.realpath(protoc))), "include"),
              "/usr/include", "/usr/local/include"):
        if os.path.isfile(os.path.join(d, "google", "protobuf", "timestamp.proto")):
            return protoc, d
    return protoc, None


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

    def schema_entity(self, subject, e, fmt=None):
        s = self.schemas[e["id"]]
        out = {"subject": subject, "version": e["version"], "id": e["id"]}
        if s["schemaType"] != "AVRO":
            out["schemaType"] = s["schemaType"]
        if s["references"]:
            out["references"] = s["references"]
        out["schema"] = self.formatted(e["id"], fmt)
        return out

    def formatted(self, sid, fmt):
        """The schema string of `sid` in the asked format: `serialized` turns a PROTOBUF
        schema into the base64 of its FileDescriptorProto; anything else is the stored text."""
        s = self.schemas[sid]
        if fmt != "serialized" or s["schemaType"] != "PROTOBUF":
            return s["schema"]
        if s.get("serialized"):
            return s["serialized"]
        return self.compile_protobuf(sid)

    def compile_protobuf(self, sid):
        """A PROTOBUF schema kept as text -> base64 FileDescriptorProto, through protoc."""
        protoc, include = protoc_include_dirs()
        if protoc is None:
            raise RestError(500, 50001, "format=serialized needs protoc on the stand-in's PATH")
        files = {}

        def collect(refs):
            for ref in refs:
                if ref["name"] in files:
                    continue
                rs = self.schemas[self.resolve_ref(ref)["id"]]
                files[ref["name"]] = rs["schema"]
                collect(rs["references"])

        collect(self.schemas[sid]["references"])
        root = "default.proto"
        while root in files:
            root = "_" + root
        files[root] = self.schemas[sid]["schema"]
        with tempfile.TemporaryDirectory() as d:
            for name, text in files.items():
                path = os.path.join(d, name)
                os.makedirs(os.path.dirname(path), exist_ok=True)
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
            out = os.path.join(d, "out.pb")
            cmd = [protoc, f"-I{d}"] + ([f"-I{include}"] if include else []) + [f"--descriptor_set_out={out}", root]
            r = subprocess.run(cmd, capture_output=True, text=True)
            if r.returncode != 0:
                raise RestError(500, 50001, f"protoc could not compile schema {sid}: {r.stderr.strip()}")
            with open(out, "rb") as f:
                raw = f.read()
        if descriptor_pb2 is not None:
            raw = descriptor_pb2.FileDescriptorSet.FromString(raw).file[0].SerializeToString()
        else:  # FileDescriptorSet { repeated FileDescriptorProto file = 1; }: one length-delimited field
            pos, length, shift = 1, 0, 0
            while True:
                b = raw[pos]
                pos += 1
                length |= (b & 0x7F) << shift
                shift += 7
                if not b & 0x80:
                    break
            raw = raw[pos:pos + length]
        return base64.standard_b64encode(raw).decode("ascii")

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
            fdp = descriptor_from_base64(text)
            if fdp is not None:
                try:
                    return descriptor_to_text(fdp).strip()
                except (ValueError, KeyError) as ex:
                    raise invalid_schema(f"cannot read the FileDescriptorProto: {ex}")
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
        serialized = self.schemas.get(sid, {}).get("serialized")
        self.schemas[sid] = {"schemaType": schema_type, "schema": text, "references": references}
        if schema_type == "PROTOBUF" and descriptor_from_base64(body.get("schema")) is not None:
            serialized = body["schema"].strip()
        if serialized:
            self.schemas[sid]["serialized"] = serialized
        self.next_id = max(self.next_id, sid + 1)
        entries = self.subjects.setdefault(subject, [])
        version = (entries[-1]["version"] + 1) if entries else 1
        if importing and body.get("version") is not None:
            version = int(body["version"])
        entries.append({"version": version, "id": sid, "deleted": False})
        entries.sort(key=lambda e: e["version"])
        self.save()
        return {"id": sid}

    def lookup(self, subject, body, deleted, fmt=None):
        schema_type = body.get("schemaType") or "AVRO"
        references = body.get("references") or []
        if not self.has_subject(subject, deleted=True):
            raise subject_not_found(subject)
        text = self.validate(schema_type, body.get("schema"), references)
        sid = self.find_id(schema_type, text, references)
        for e in reversed(self.versions(subject, deleted=deleted)):
            if e["id"] == sid:
                return self.schema_entity(subject, e, fmt)
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
                    return ok(reg.lookup(subject, body, flag(q, "deleted"), q.get("format", [""])[-1]))
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
            fmt = q.get("format", [""])[-1]
            if n == 4:
                return ok(reg.schema_entity(subject, e, fmt))
            if p[4] == "schema":
                return 200, reg.formatted(e["id"], fmt), True
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
                    out.extend(reg.schema_entity(s, e, q.get("format", [""])[-1]) for e in vs)
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
                out["schema"] = reg.formatted(sid, q.get("format", [""])[-1])
                if flag(q, "fetchMaxId"):
                    out["maxId"] = max(reg.schemas)
                return ok(out)
            uses = [(subj, e) for subj in sorted(reg.subjects)
                    for e in reg.versions(subj, deleted=flag(q, "deleted")) if e["id"] == sid]
            if n == 4 and p[3] == "schema":
                return 200, reg.formatted(sid, q.get("format", [""])[-1]), True
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
