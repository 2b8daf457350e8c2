#!/usr/bin/env python3
"""Interop fixture: messages written by an implementation no one here wrote.

Produces Avro, Protobuf and JSON Schema messages with the Python confluent-kafka
serializers (AvroSerializer, ProtobufSerializer, JSONSerializer), which register their
schemas in the registry themselves, then reads them back with confluent-kafka's own
deserializers and writes what Streamlens must show for each message:

  DIR/expected.jsonl   one line per message in the four topics, in topic/partition/offset order:
    {"topic", "partition", "offset", "key", "decoder", "schema_id", "value", ...}
  "value" is the deserialized value rendered by the conventions of docs/decoding.md
  (Avro: walked alongside the writer schema fetched by id; Protobuf: MessageToDict;
  JSON Schema: the JSON as produced). Protobuf lines also carry "message_type" and
  "message_indexes"; JSON Schema lines carry "payload_text" (the JSON text as produced).

Topics (1 partition each; created if missing, never deleted: tansu 0.6.0's DeleteTopics
removes every topic) and subjects (TopicNameStrategy; PREFIX keeps reruns apart):
  PREFIX.avro             3 messages, PREFIX.avro-value: Sample.avsc with a schema reference
                          to PREFIX.dev.streamlens.interop.Address (Address.avsc)
  PREFIX.avro-evolution   6 messages, PREFIX.avro-evolution-value: Customer v1, v2, v3
                          (2 messages each, so three schema ids appear in one topic)
  PREFIX.protobuf         5 messages, PREFIX.protobuf-value: streamlens/interop/events.proto
                          (Event [1] x3, Ping [0], Event.Line [1, 0]) referencing
                          PREFIX.streamlens/interop/common.proto
  PREFIX.jsonschema       3 messages, PREFIX.jsonschema-value: Order.json

What ProtobufSerializer registers (confluent-kafka 2.16.1, protobuf 7.36.2, checked here):
  * the schema string is the base64 (standard alphabet) of the serialized
    FileDescriptorProto, not .proto text (common/protobuf.py `_schema_to_str`);
  * imports are registered depth first as their own subjects (named by
    `reference.subject.name.strategy`, the import path by default; here PREFIX.<path>)
    and listed as references {name: <import path>, subject, version};
  * google/protobuf/*, google/type/* and confluent/* imports are NOT registered and NOT
    listed as references (`skip.known.types` defaults to True): a reader must know the
    well-known types itself;
  * the deserializer fetches the writer schema with `?format=serialized`.
  A real Confluent registry stores the descriptor in its canonical .proto text form and
  answers GET /schemas/ids/{id} with that text unless `?format=serialized` is asked for.

usage: "$STREAMLENS_PYTHON" tests/interop/interop.py --bootstrap HOST:PORT --registry URL
                                                     --prefix PREFIX --out DIR
"""

import argparse
import base64
import datetime
import decimal
import json
import math
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS = ROOT / "tests" / "fixtures" / "schemas"
UTC = datetime.timezone.utc
CONSUME_TIMEOUT_S = 60


class Failure(Exception):
    """A failure with a message for the person running the script."""


try:
    from confluent_kafka import Consumer, KafkaException, Producer, TopicPartition
    from confluent_kafka.admin import AdminClient, NewTopic
    from confluent_kafka.schema_registry import Schema, SchemaReference, SchemaRegistryClient
    from confluent_kafka.schema_registry.avro import AvroDeserializer, AvroSerializer
    from confluent_kafka.schema_registry.json_schema import JSONDeserializer, JSONSerializer
    from confluent_kafka.schema_registry.protobuf import ProtobufDeserializer, ProtobufSerializer
    from confluent_kafka.serialization import MessageField, SerializationContext, StringSerializer
    import fastavro
    from google.protobuf import (any_pb2, descriptor_pb2, descriptor_pool, duration_pb2,  # noqa: F401
                                 json_format, message_factory, struct_pb2, timestamp_pb2, wrappers_pb2)
except ImportError as e:  # pragma: no cover
    sys.exit(f"interop: FAILED: {e}: run with the test venv's python ($STREAMLENS_PYTHON; "
             f"tests/env/install.sh installs confluent-kafka's schema-registry dependencies)")


# ======================================================================================
# Avro: values to produce, and the docs/decoding.md rendering


def avro_samples():
    """Three Sample records (tests/fixtures/schemas/avro/Sample.avsc) covering every type."""
    addr_de = {"street": "Leopoldstraße 7", "city": "München", "postcode": "80802", "country": "DE"}
    addr_jp = {"street": "中央通り 1-2", "city": "東京", "postcode": None, "country": "JP"}
    addr_us = {"street": "1 Market St", "city": "San Francisco", "postcode": "94105", "country": "US"}
    tree = {"value": 1, "label": "root", "children": [
        {"value": 2, "label": "left", "children": []},
        {"value": 3, "label": "right", "children": [
            {"value": 4, "label": "right.child", "children": []}]}]}
    linked = {"value": 1, "next": {"value": 2, "next": {"value": 3, "next": None}}}
    common = {"f_null": None, "f_addresses": [addr_de, addr_jp], "f_address_by_label": {"home": addr_de, "work": addr_us}}
    return [
        ("avro-1", dict(common, **{
            "f_boolean": True, "f_int": 2147483647, "f_long": 9223372036854775807,
            "f_float": 1.25, "f_double": 3.141592653589793,
            "f_string": "Grüße aus Köln — 東京 🚀", "f_bytes": b"\x00\x01\x02\xfe\xff",
            "f_fixed": bytes(range(16)), "f_enum": "GREEN",
            "f_array": [1, -1, 9007199254740993, -9223372036854775808], "f_map": {"a": 1, "ü": -2},
            "f_opt_string": "present", "f_string_or_long": "a string",
            "f_payment": {"number": "4111111111111111", "expiry_month": 12, "expiry_year": 2030},
            "f_opt_timestamp": datetime.datetime(2024, 2, 29, 13, 45, 7, 123000, tzinfo=UTC),
            "f_nested": {"label": "inner", "point": {"x": 0.5, "y": -3.75}, "tags": ["a", "b"]},
            "f_tree": tree, "f_list": linked, "f_home": addr_de, "f_country": "FR",
            "f_decimal": decimal.Decimal("1234.50"), "f_decimal_fixed": decimal.Decimal("-12345678901234.5678"),
            "f_decimal_scale0": decimal.Decimal("7"),
            "f_uuid": uuid.UUID("0f8fad5b-d9cb-469f-a165-70867728950e"),
            "f_date": datetime.date(2024, 2, 29),
            "f_time_millis": datetime.time(13, 45, 7, 123000),
            "f_time_micros": datetime.time(13, 45, 7, 123456),
            "f_timestamp_millis": datetime.datetime(2024, 2, 29, 13, 45, 7, 123000, tzinfo=UTC),
            "f_timestamp_micros": datetime.datetime(2024, 2, 29, 13, 45, 7, 123456, tzinfo=UTC),
            "f_local_timestamp_millis": datetime.datetime(2024, 2, 29, 13, 45, 7, 123000),
            "f_local_timestamp_micros": datetime.datetime(2024, 2, 29, 13, 45, 7, 123456),
            "f_duration": struct.pack("<III", 1, 2, 3),
        })),
        ("schlüssel-2", dict(common, **{
            "f_boolean": False, "f_int": -2147483648, "f_long": -9223372036854775808,
            "f_float": -3.75, "f_double": -0.5,
            "f_string": "", "f_bytes": b"",
            "f_fixed": b"\xff" * 16, "f_enum": "RED",
            "f_array": [], "f_map": {},
            "f_opt_string": None, "f_string_or_long": 9007199254740993,
            "f_payment": {"iban": "DE89370400440532013000", "bic": None},
            "f_opt_timestamp": None,
            "f_nested": {"label": "", "point": {"x": 0.0, "y": 1e300}, "tags": []},
            "f_tree": {"value": -1, "label": "leaf", "children": []},
            "f_list": {"value": 0, "next": None}, "f_home": addr_jp, "f_country": "OTHER",
            "f_decimal": decimal.Decimal("-0.05"), "f_decimal_fixed": decimal.Decimal("0.1000"),
            "f_decimal_scale0": decimal.Decimal("-42"),
            "f_uuid": uuid.UUID("00000000-0000-0000-0000-000000000000"),
            "f_date": datetime.date(1969, 7, 20),
            "f_time_millis": datetime.time(0, 0, 0, 0),
            "f_time_micros": datetime.time(23, 59, 59, 999999),
            "f_timestamp_millis": datetime.datetime(1969, 7, 20, 20, 17, 40, 0, tzinfo=UTC),
            "f_timestamp_micros": datetime.datetime(1969, 12, 31, 23, 59, 59, 999999, tzinfo=UTC),
            "f_local_timestamp_millis": datetime.datetime(1970, 1, 1, 0, 0, 0, 0),
            "f_local_timestamp_micros": datetime.datetime(1999, 12, 31, 23, 59, 59, 1),
            "f_duration": struct.pack("<III", 0, 0, 0),
        })),
        ("avro-3", dict(common, **{
            "f_boolean": True, "f_int": 0, "f_long": 9007199254740993,
            "f_float": float("nan"), "f_double": float("-inf"),
            "f_string": "line\nbreak \"quoted\" \\ tab\t end", "f_bytes": "ü".encode("utf-8"),
            "f_fixed": b"0123456789abcdef", "f_enum": "BLUE",
            "f_array": [0], "f_map": {"only": 0},
            "f_opt_string": "", "f_string_or_long": -1,
            "f_payment": None,
            "f_opt_timestamp": datetime.datetime(2038, 1, 19, 3, 14, 8, 0, tzinfo=UTC),
            "f_nested": {"label": "x", "point": {"x": float("inf"), "y": -0.0}, "tags": ["ü"]},
            "f_tree": tree, "f_list": linked, "f_home": addr_us, "f_country": "US",
            "f_decimal": decimal.Decimal("-1234567890.10"), "f_decimal_fixed": decimal.Decimal("100.0000"),
            "f_decimal_scale0": decimal.Decimal("0"),
            "f_uuid": uuid.UUID("ffffffff-ffff-4fff-bfff-ffffffffffff"),
            "f_date": datetime.date(1970, 1, 1),
            "f_time_millis": datetime.time(23, 59, 59, 999000),
            "f_time_micros": datetime.time(0, 0, 0, 1),
            "f_timestamp_millis": datetime.datetime(1970, 1, 1, 0, 0, 0, 0, tzinfo=UTC),
            "f_timestamp_micros": datetime.datetime(2262, 4, 11, 23, 47, 16, 854775, tzinfo=UTC),
            "f_local_timestamp_millis": datetime.datetime(2024, 12, 31, 23, 59, 59, 999000),
            "f_local_timestamp_micros": datetime.datetime(1969, 12, 31, 23, 59, 59, 999999),
            "f_duration": struct.pack("<III", 4294967295, 31, 86399999),
        })),
    ]


def customer_samples():
    """(version, key, value) for the avro-evolution topic: two messages per version."""
    return [
        (1, "evo-v1-a", {"id": "c-1", "name": "Ana Costa", "visits": 1}),
        (1, "evo-v1-b", {"id": "c-2", "name": "Björn", "visits": 2147483647}),
        (2, "evo-v2-a", {"id": "c-3", "name": "Chloé", "visits": 3, "email": "chloe@example.com"}),
        (2, "evo-v2-b", {"id": "c-4", "name": "Dmitri", "visits": 0, "email": None}),
        (3, "evo-v3-a", {"id": "c-5", "name": "Emma", "visits": 9007199254740993, "email": "emma@example.org",
                         "tier": "GOLD", "balance": decimal.Decimal("1000.00")}),
        (3, "evo-v3-b", {"id": "c-6", "name": "Farah", "visits": -1, "email": None,
                         "tier": "BASIC", "balance": None}),
    ]


AVRO_PRIMITIVES = {"null", "boolean", "int", "long", "float", "double", "bytes", "string"}


def _resolve(schema, named):
    while isinstance(schema, str) and schema not in AVRO_PRIMITIVES:
        if schema not in named:
            raise Failure(f"Avro: named type {schema!r} not found in the writer schema")
        schema = named[schema]
    return schema


def _type_and_logical(schema):
    if isinstance(schema, str):
        return schema, None
    t = schema["type"]
    if isinstance(t, (dict, list)):
        return t, None
    return t, schema.get("logicalType")


def avro_fits(schema, v, named):
    """Whether the Python value `v` (as fastavro reads/writes it) belongs to `schema`
    (to pick the branch of a union: fastavro returns union values unwrapped)."""
    schema = _resolve(schema, named)
    if isinstance(schema, list):
        return any(avro_fits(b, v, named) for b in schema)
    t, lt = _type_and_logical(schema)
    if isinstance(t, (dict, list)):
        return avro_fits(t, v, named)
    if t == "null":
        return v is None
    if t == "boolean":
        return isinstance(v, bool)
    if t in ("int", "long"):
        if lt == "date":
            return isinstance(v, datetime.date) and not isinstance(v, datetime.datetime)
        if lt in ("time-millis", "time-micros"):
            return isinstance(v, datetime.time)
        if lt in ("timestamp-millis", "timestamp-micros"):
            return isinstance(v, datetime.datetime) and v.tzinfo is not None
        if lt in ("local-timestamp-millis", "local-timestamp-micros"):
            return isinstance(v, datetime.datetime) and v.tzinfo is None
        return isinstance(v, int) and not isinstance(v, bool)
    if t in ("float", "double"):
        return isinstance(v, float)
    if t == "string":
        return isinstance(v, str) or (lt == "uuid" and isinstance(v, uuid.UUID))
    if t in ("bytes", "fixed"):
        if lt == "decimal":
            return isinstance(v, decimal.Decimal)
        return isinstance(v, bytes) and (t == "bytes" or len(v) == schema["size"])
    if t == "enum":
        return isinstance(v, str) and v in schema["symbols"]
    if t == "array":
        return isinstance(v, list)
    if t == "map":
        return isinstance(v, dict)
    if t in ("record", "error"):
        return isinstance(v, dict) and set(v) == {f["name"] for f in schema["fields"]}
    raise Failure(f"Avro: unknown type {t!r}")


def _float(v):
    if math.isnan(v):
        return "NaN"
    if math.isinf(v):
        return "Infinity" if v > 0 else "-Infinity"
    return v


def _decimal_str(d, scale):
    with decimal.localcontext() as ctx:
        ctx.prec = 1000
        return format(d.quantize(decimal.Decimal(1).scaleb(-scale)), "f")


def _clock(t, digits):
    frac = f"{t.microsecond:06d}"[:digits]
    return f"{t.hour:02d}:{t.minute:02d}:{t.second:02d}.{frac}"


def _datetime(dt, digits, utc):
    if utc:
        dt = dt.astimezone(UTC)
    return f"{dt.year:04d}-{dt.month:02d}-{dt.day:02d}T{_clock(dt, digits)}{'Z' if utc else ''}"


def avro_render(schema, v, named, depth=0):
    """The docs/decoding.md JSON rendering of the fastavro value `v` of `schema`."""
    if depth > 200:
        raise Failure("Avro: nesting too deep")
    schema = _resolve(schema, named)
    if isinstance(schema, list):
        fits = [b for b in schema if avro_fits(b, v, named)]
        if len(fits) != 1:
            raise Failure(f"Avro: union {schema} has {len(fits)} branches for {v!r}")
        return avro_render(fits[0], v, named, depth + 1)
    t, lt = _type_and_logical(schema)
    if isinstance(t, (dict, list)):
        return avro_render(t, v, named, depth + 1)
    if t in ("null", "boolean", "string") and lt is None:
        return v
    if t in ("int", "long"):
        if lt == "date":
            return v.isoformat()
        if lt == "time-millis":
            return _clock(v, 3)
        if lt == "time-micros":
            return _clock(v, 6)
        if lt == "timestamp-millis":
            return _datetime(v, 3, True)
        if lt == "timestamp-micros":
            return _datetime(v, 6, True)
        if lt == "local-timestamp-millis":
            return _datetime(v, 3, False)
        if lt == "local-timestamp-micros":
            return _datetime(v, 6, False)
        return v
    if t in ("float", "double"):
        return _float(v)
    if t == "string":  # uuid (or an unknown logical type on a string)
        return str(v)
    if t in ("bytes", "fixed"):
        if lt == "decimal":
            return _decimal_str(v, schema.get("scale", 0))
        if lt == "duration" and t == "fixed" and schema.get("size") == 12:
            months, days, millis = struct.unpack("<III", v)
            return {"months": months, "days": days, "millis": millis}
        return base64.standard_b64encode(v).decode("ascii")
    if t == "enum":
        return v
    if t == "array":
        return [avro_render(schema["items"], x, named, depth + 1) for x in v]
    if t == "map":
        return {k: avro_render(schema["values"], x, named, depth + 1) for k, x in v.items()}
    if t in ("record", "error"):
        return {f["name"]: avro_render(f["type"], v[f["name"]], named, depth + 1) for f in schema["fields"]}
    raise Failure(f"Avro: unknown type {t!r}")


# ======================================================================================
# Protobuf: message classes from our .proto files, values to produce


def wkt_include_dir():
    """Where protoc's google/protobuf/*.proto live (Debian: /usr/include, libprotobuf-dev)."""
    protoc = shutil.which("protoc")
    if not protoc:
        raise Failure("protoc not found (Debian package protobuf-compiler; tests/env/install.sh installs it)")
    for d in (Path(os.path.realpath(protoc)).parent.parent / "include", Path("/usr/include"),
              Path("/usr/local/include")):
        if (d / "google" / "protobuf" / "timestamp.proto").is_file():
            return protoc, d
    raise Failure("google/protobuf/timestamp.proto not found (Debian package libprotobuf-dev)")


def load_proto_classes():
    """Compile tests/fixtures/schemas/protobuf with protoc into a descriptor set and build the
    message classes at run time (no generated _pb2.py, so no gencode/runtime version match
    to keep). Our files go into the default pool next to the runtime's well-known types, so
    Any values of our types resolve in json_format."""
    protoc, include = wkt_include_dir()
    src = SCHEMAS / "protobuf"
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "set.pb"
        r = subprocess.run([protoc, f"-I{src}", f"-I{include}", "--include_imports",
                            f"--descriptor_set_out={out}", "streamlens/interop/events.proto"],
                           capture_output=True, text=True)
        if r.returncode != 0:
            raise Failure(f"protoc failed: {r.stderr.strip()}")
        fds = descriptor_pb2.FileDescriptorSet.FromString(out.read_bytes())
    pool = descriptor_pool.Default()
    for fdp in fds.file:
        try:
            pool.FindFileByName(fdp.name)  # the runtime's own well-known types, or a rerun
        except KeyError:
            pool.AddSerializedFile(fdp.SerializeToString())
    cls = lambda name: message_factory.GetMessageClass(pool.FindMessageTypeByName(name))  # noqa: E731
    return {
        "Ping": cls("streamlens.interop.Ping"),
        "Event": cls("streamlens.interop.Event"),
        "Line": cls("streamlens.interop.Event.Line"),
        "Money": cls("streamlens.interop.common.Money"),
        "Address": cls("streamlens.interop.common.Address"),
    }


def proto_samples(c):
    """(key, message) for the protobuf topic."""
    Event, Line, Money, Address, Ping = c["Event"], c["Line"], c["Money"], c["Address"], c["Ping"]
    K = Event.DESCRIPTOR.enum_types_by_name["Kind"].values_by_name

    e1 = Event(
        id="evt-1", kind=K["CREATED"].number, status=1,
        f_int32=-42, f_int64=9007199254740993, f_uint32=4294967295, f_uint64=18446744073709551615,
        f_sint32=-2147483648, f_sint64=-9223372036854775808, f_fixed32=4294967295,
        f_fixed64=18446744073709551615, f_sfixed32=-1, f_sfixed64=-9223372036854775807,
        f_float=1.25, f_double=-3.75, f_bool=True, f_bytes=b"\x00\x01\xfe\xff",
        note_text="Grüße aus Köln — 東京 🚀",
        lines=[Line(sku="A-1", quantity=2, price=Money(units=19, nanos=990000000, currency="EUR")),
               Line(sku="B-2", quantity=1)],
        samples=[1, -1, 9223372036854775807], tags=["x", "ü"],
        history=[K["CREATED"].number, K["SHIPPED"].number],
        counters={"a": 1, "b": -5}, lines_by_slot={1: Line(sku="S-1", quantity=3), -7: Line(sku="S-7")},
        card_token="tok_123",
        ship_to=Address(street="Leopoldstraße 7", city="München", country_code="DE"),
        maybe_count=0,
    )
    e1.created_at.FromDatetime(datetime.datetime(2024, 2, 29, 13, 45, 7, 123000, tzinfo=UTC))
    e1.ttl.FromTimedelta(datetime.timedelta(seconds=1, milliseconds=500))
    e1.comment.value = "hello"
    e1.big_wrapped.value = -9007199254740993
    e1.flag_wrapped.value = False  # present wrapper holding the default: {"flagWrapped": false}
    e1.ratio_wrapped.value = 0.5
    e1.attributes.update({"color": "red", "count": 3, "nested": {"ok": True, "none": None},
                          "list": [1, "two", False]})
    e1.dynamic.string_value = "dyn"
    e1.list.extend([1.5, "a", None])
    e1.detail.Pack(Ping(id="p-1", seq=7))

    e2 = Event(
        id="evt-2", kind=K["SHIPPED"].number, status=2,
        f_int32=2147483647, f_int64=-9223372036854775808, f_uint64=1, f_sint32=2147483647,
        f_sint64=9223372036854775807, f_fixed64=9007199254740993, f_sfixed32=-2147483648,
        f_float=-3.75, f_double=float("nan"), f_bytes=b"\xff" * 5,
        lines=[Line(sku="C-3", quantity=4294967295, price=Money(units=-3, nanos=-500000000, currency="USD"))],
        cash=Money(units=-3, nanos=-500000000, currency="USD"),
    )
    e2.created_at.FromDatetime(datetime.datetime(1969, 12, 31, 23, 59, 59, 0, tzinfo=UTC))
    e2.created_at.nanos = 123456789
    e2.ttl.FromTimedelta(-datetime.timedelta(seconds=2, milliseconds=250))
    e2.ratio_wrapped.value = float("inf")
    e2.dynamic.number_value = 2.5
    e2.attributes.update({})
    d = duration_pb2.Duration(seconds=3)
    e2.detail.Pack(d)

    e3 = Event(id="evt-3", on_account=False)  # oneof member at its default: present
    e3.dynamic.null_value = struct_pb2.NULL_VALUE
    e3.detail.Pack(Line(sku="L-any", quantity=1))

    return [
        ("proto-event-1", e1),
        ("proto-ping-1", Ping(id="ping-1", seq=18446744073709551615)),
        ("proto-event-2", e2),
        ("proto-line-1", Line(sku="L-1", quantity=5, price=Money(units=1, nanos=250000000, currency="JPY"))),
        ("proto-event-3", e3),
    ]


def proto_render(msg):
    """docs/decoding.md: the canonical proto3 JSON mapping, MessageToDict's defaults."""
    return json_format.MessageToDict(msg)


def read_message_indexes(data):
    """Confluent Protobuf framing after magic + id: zig-zag varint count, then indexes."""
    pos = 5

    def varint():
        nonlocal pos
        shift = result = 0
        while True:
            if pos >= len(data):
                raise Failure("Protobuf payload ends inside the message-index array")
            b = data[pos]
            pos += 1
            result |= (b & 0x7F) << shift
            if not b & 0x80:
                return (result >> 1) ^ -(result & 1)
            shift += 7

    n = varint()
    return [0] if n == 0 else [varint() for _ in range(n)]


# ======================================================================================
# JSON Schema


def json_samples():
    return [
        ("json-1", {"order_id": "o-1", "placed": True, "quantity": 3, "big_id": 9007199254740993,
                    "price": 19.99, "discount": None, "note": "Grüße — 東京 🚀",
                    "customer": {"name": "Zoë", "email": "zoe@example.com",
                                 "address": {"street": "rue de Rivoli", "city": "Paris", "geo": [48.8566, 2.3522]}},
                    "items": [{"sku": "A", "qty": 1, "unit_price": 0.5, "options": {"gift": True, "note": None}},
                              {"sku": "B", "qty": 2, "unit_price": 1e-7, "options": {}}],
                    "tags": ["new", "priority"], "extra": {"anything": [1, {"deep": [None, False]}]}}),
        ("json-2", {"order_id": "o-2", "placed": False, "quantity": 0, "price": -1.5,
                    "customer": {"name": "Ana"}, "items": [], "extra": None}),
        ("json-3", {"items": [{"qty": 12, "sku": "Z"}], "customer": {"name": "K"}, "price": 1e21,
                    "quantity": -2147483649, "placed": True, "order_id": "o-3 (keys not in schema order)",
                    "big_id": -9223372036854775808}),
    ]


# ======================================================================================
# The run


def ensure_topics(admin, topics, bootstrap):
    try:
        existing = admin.list_topics(timeout=10).topics
    except KafkaException as e:
        raise Failure(f"cannot reach the broker at {bootstrap}: {e.args[0].str() if e.args else e}")
    new = [NewTopic(t, num_partitions=1, replication_factor=1) for t in topics if t not in existing]
    for topic, fut in (admin.create_topics(new, operation_timeout=10).items() if new else []):
        try:
            fut.result()
        except KafkaException as e:
            if "TOPIC_ALREADY_EXISTS" not in str(e):
                raise Failure(f"cannot create topic {topic}: {e}")
    deadline = time.monotonic() + 15
    while True:
        md = admin.list_topics(timeout=10).topics
        missing = [t for t in topics if t not in md or md[t].error is not None or not md[t].partitions]
        if not missing:
            return
        if time.monotonic() > deadline:
            raise Failure(f"topics not in the broker's metadata after creation: {missing}")
        time.sleep(0.2)


def read_text(path):
    return (SCHEMAS / path).read_text(encoding="utf-8")


def run(args):
    prefix = args.prefix
    t_avro, t_evo, t_proto, t_json = (f"{prefix}.avro", f"{prefix}.avro-evolution",
                                      f"{prefix}.protobuf", f"{prefix}.jsonschema")
    topics = [t_avro, t_evo, t_proto, t_json]
    out_dir = Path(args.out)
    out_dir.mkdir(parents=True, exist_ok=True)

    sr = SchemaRegistryClient({"url": args.registry})
    try:
        sr.get_subjects()
    except Exception as e:  # noqa: BLE001 — httpx transport errors, SchemaRegistryError
        raise Failure(f"cannot reach the schema registry at {args.registry}: {type(e).__name__}: {e}")
    admin = AdminClient({"bootstrap.servers": args.bootstrap, "log_level": 2})  # no per-retry FAIL lines
    ensure_topics(admin, topics, args.bootstrap)
    proto = load_proto_classes()

    key_ser = StringSerializer("utf_8")
    producer = Producer({"bootstrap.servers": args.bootstrap, "linger.ms": 5, "acks": "all"})
    produced = {}  # (topic, partition, offset) -> (key, rendered value of what we produced)
    errors = []

    def send(topic, key, value_bytes, rendered):
        def on_delivery(err, msg):
            if err is not None:
                errors.append(f"{topic} key {key!r}: {err}")
            else:
                produced[(msg.topic(), msg.partition(), msg.offset())] = (key, rendered)
        producer.produce(topic, key=key_ser(key, SerializationContext(topic, MessageField.KEY)),
                         value=value_bytes, on_delivery=on_delivery)

    def vctx(topic):
        return SerializationContext(topic, MessageField.VALUE)

    # --- Avro with a schema reference: Address registered as its own subject first ----------
    addr_name = "dev.streamlens.interop.Address"
    addr_subject = f"{prefix}.{addr_name}"
    addr_schema = Schema(read_text("avro/Address.avsc"), "AVRO")
    sr.register_schema(addr_subject, addr_schema)
    addr_version = sr.lookup_schema(addr_subject, addr_schema).version
    sample_schema = Schema(read_text("avro/Sample.avsc"), "AVRO",
                           [SchemaReference(addr_name, addr_subject, addr_version)])
    # AvroSerializer registers a Schema that carries references itself (auto.register.schemas),
    # resolving the referenced named types through the registry.
    avro_ser = AvroSerializer(sr, sample_schema, conf={"auto.register.schemas": True})
    named = {}
    fastavro.parse_schema(json.loads(addr_schema.schema_str), named_schemas=named)
    sample_parsed = fastavro.parse_schema(json.loads(sample_schema.schema_str), named_schemas=named)
    for key, value in avro_samples():
        send(t_avro, key, avro_ser(value, vctx(t_avro)), avro_render(sample_parsed, value, named))

    # --- Avro evolution: v1, v2, v3 on one subject (BACKWARD-compatible steps) -----------
    for version in (1, 2, 3):
        schema = Schema(read_text(f"avro/Customer.v{version}.avsc"), "AVRO")
        ser = AvroSerializer(sr, schema, conf={"auto.register.schemas": True})
        parsed_named = {}
        parsed = fastavro.parse_schema(json.loads(schema.schema_str), named_schemas=parsed_named)
        for v, key, value in customer_samples():
            if v == version:
                send(t_evo, key, ser(value, vctx(t_evo)), avro_render(parsed, value, parsed_named))
        producer.flush(10)  # keep v1 < v2 < v3 in offset order

    # --- Protobuf: three message types of one file, one subject ------------------------
    proto_conf = {"auto.register.schemas": True,
                  "reference.subject.name.strategy": lambda ctx, fd: f"{prefix}.{fd.name}"}
    proto_sers = {}
    for key, msg in proto_samples(proto):
        name = msg.DESCRIPTOR.full_name
        if name not in proto_sers:
            proto_sers[name] = ProtobufSerializer(type(msg), sr, proto_conf)
        send(t_proto, key, proto_sers[name](msg, vctx(t_proto)), proto_render(msg))

    # --- JSON Schema ----------------------------------------------------------------------
    json_ser = JSONSerializer(read_text("jsonschema/Order.json"), sr, conf={"auto.register.schemas": True})
    for key, value in json_samples():
        send(t_json, key, json_ser(value, vctx(t_json)), value)

    remaining = producer.flush(30)
    if remaining:
        raise Failure(f"{remaining} messages still undelivered after 30 s")
    if errors:
        raise Failure("produce failed: " + "; ".join(errors))
    n_produced = len(produced)

    # --- Consume everything in the four topics back, with confluent-kafka's deserializers -
    consumer = Consumer({"bootstrap.servers": args.bootstrap,
                         "group.id": f"streamlens-interop-{prefix}-{uuid.uuid4().hex[:12]}",
                         "auto.offset.reset": "earliest", "enable.auto.commit": False})
    ends = {}
    for t in topics:
        lo, hi = consumer.get_watermark_offsets(TopicPartition(t, 0), timeout=10)
        ends[(t, 0)] = hi
    for (t, p, o) in produced:
        if o >= ends[(t, p)]:
            raise Failure(f"high watermark of {t}/{p} is {ends[(t, p)]}, below produced offset {o}")
    consumer.assign([TopicPartition(t, 0, 0) for t in topics if ends[(t, 0)] > 0])
    # (offset 0, not OFFSET_BEGINNING: tansu keeps every record, and an explicit start offset
    # avoids a ListOffsets round trip)

    avro_deser = AvroDeserializer(sr)
    json_deser = JSONDeserializer(read_text("jsonschema/Order.json"), schema_registry_client=sr)
    by_path = {}  # message-index tuple -> (ProtobufDeserializer, class)
    pool = descriptor_pool.Default()
    events_file = proto["Event"].DESCRIPTOR.file

    events_fdp = descriptor_pb2.FileDescriptorProto()
    events_file.CopyToProto(events_fdp)

    def proto_class(indexes):
        """The message a message-index path names in events.proto (declaration order)."""
        try:
            d = events_fdp.message_type[indexes[0]]
            name = f"{events_fdp.package}.{d.name}"
            for i in indexes[1:]:
                d = d.nested_type[i]
                name += f".{d.name}"
        except IndexError:
            raise Failure(f"message indexes {indexes} name no message of {events_fdp.name}")
        return message_factory.GetMessageClass(pool.FindMessageTypeByName(name))

    schema_cache = {}

    def writer_schema(schema_id):
        """The writer schema by id, parsed with its references, for the Avro rendering."""
        if schema_id not in schema_cache:
            named_w = {}

            def add_refs(schema):
                for ref in schema.references or []:
                    rs = sr.get_version(ref.subject, ref.version).schema
                    add_refs(rs)
                    fastavro.parse_schema(json.loads(rs.schema_str), named_schemas=named_w)

            s = sr.get_schema(schema_id)
            add_refs(s)
            schema_cache[schema_id] = (fastavro.parse_schema(json.loads(s.schema_str), named_schemas=named_w), named_w)
        return schema_cache[schema_id]

    lines = []
    wanted = sum(ends.values())
    deadline = time.monotonic() + CONSUME_TIMEOUT_S
    seen = set()
    while len(seen) < wanted:
        if time.monotonic() > deadline:
            raise Failure(f"consumed {len(seen)} of {wanted} messages in {CONSUME_TIMEOUT_S} s "
                          f"(ends {ends}); is the broker up?")
        msg = consumer.poll(1.0)
        if msg is None:
            continue
        if msg.error():
            raise Failure(f"consume error: {msg.error()}")
        tpo = (msg.topic(), msg.partition(), msg.offset())
        if tpo in seen or msg.offset() >= ends[(tpo[0], tpo[1])]:
            continue
        seen.add(tpo)
        data = msg.value()
        if data is None or len(data) < 5 or data[0] != 0:
            raise Failure(f"{tpo}: not in the Confluent wire format: {data[:8]!r}")
        schema_id = int.from_bytes(data[1:5], "big")
        key = msg.key().decode("utf-8") if msg.key() is not None else None
        line = {"topic": tpo[0], "partition": tpo[1], "offset": tpo[2], "key": key}
        ctx = vctx(tpo[0])
        if tpo[0] in (t_avro, t_evo):
            parsed, named_w = writer_schema(schema_id)
            value = avro_render(parsed, avro_deser(data, ctx), named_w)
            line.update(decoder="avro", schema_id=schema_id)
        elif tpo[0] == t_proto:
            indexes = read_message_indexes(data)
            if tuple(indexes) not in by_path:
                klass = proto_class(indexes)
                by_path[tuple(indexes)] = (ProtobufDeserializer(klass, {}, sr), klass)
            deser, klass = by_path[tuple(indexes)]
            value = proto_render(deser(data, ctx))
            line.update(decoder="protobuf", schema_id=schema_id, message_type=klass.DESCRIPTOR.full_name,
                        message_indexes=indexes)
        else:
            value = json_deser(data, ctx)
            line.update(decoder="json-schema", schema_id=schema_id,
                        payload_text=data[5:].decode("utf-8"))
        line["value"] = value
        if tpo in produced:
            want_key, want_value = produced[tpo]
            if (want_key, canonical_json(want_value)) != (key, canonical_json(value)):
                raise Failure(f"{tpo}: read back {key!r} {canonical_json(value)}\n"
                              f"  but produced {want_key!r} {canonical_json(want_value)}")
        lines.append(line)
    consumer.close()
    missing = set(produced) - seen
    if missing:
        raise Failure(f"produced messages not read back: {sorted(missing)}")

    order = {t: i for i, t in enumerate(topics)}
    lines.sort(key=lambda ln: (order[ln["topic"]], ln["partition"], ln["offset"]))
    out = out_dir / "expected.jsonl"
    with open(out, "w", encoding="utf-8") as f:
        for ln in lines:
            f.write(json.dumps(ln, ensure_ascii=False, separators=(",", ":"), allow_nan=False) + "\n")
    counts = {t: sum(1 for ln in lines if ln["topic"] == t) for t in topics}
    ids = sorted({ln["schema_id"] for ln in lines if ln["topic"] == t_evo})
    return n_produced, counts, ids, out


def canonical_json(v):
    return json.dumps(v, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bootstrap", required=True, help="Kafka bootstrap servers, HOST:PORT")
    ap.add_argument("--registry", required=True, help="Schema Registry URL")
    ap.add_argument("--prefix", required=True, help="prefix of the topics and subjects (unique per run)")
    ap.add_argument("--out", required=True, help="directory for expected.jsonl")
    args = ap.parse_args()
    t0 = time.monotonic()
    try:
        n_produced, counts, evo_ids, out = run(args)
    except Failure as e:
        print(f"interop: FAILED: {e}", file=sys.stderr)
        return 1
    except Exception as e:  # noqa: BLE001 — a library error: say what and where, then fail
        import traceback
        traceback.print_exc()
        print(f"interop: FAILED: {type(e).__name__}: {e}", file=sys.stderr)
        return 1
    print(f"interop: ok — produced {n_produced}, wrote {sum(counts.values())} lines to {out} "
          f"({', '.join(f'{t}: {n}' for t, n in counts.items())}; "
          f"avro-evolution schema ids {evo_ids}) in {time.monotonic() - t0:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
