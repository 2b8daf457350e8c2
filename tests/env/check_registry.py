#!/usr/bin/env python3
"""Smoke-check a Schema Registry against the documented Confluent REST API.

Runs against the stand-in by default, but only uses documented behaviour, so it should pass
against a real Confluent Schema Registry too (point --url at one). Uses unique subject
names, so it can run against a registry that already holds data.

  python tests/env/check_registry.py [--url http://127.0.0.1:18081] [--auth user:pass]
"""

import argparse
import json
import os
import sys
import time

import requests

CT = "application/vnd.schemaregistry.v1+json"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", default=os.environ.get("STREAMLENS_REGISTRY_URL", "http://127.0.0.1:18081"))
    ap.add_argument("--auth", help="user:pass for basic auth")
    args = ap.parse_args()
    s = requests.Session()
    s.headers["Content-Type"] = CT
    s.headers["Accept"] = CT
    if args.auth:
        s.auth = tuple(args.auth.split(":", 1))
    u = args.url.rstrip("/")
    tag = str(int(time.time() * 1000))
    subj = f"check-{tag}-value"
    other = f"check-{tag}-other"
    failures = []

    def expect(what, resp, status, body=None, code=None):
        ok = resp.status_code == status
        try:
            got = resp.json()
        except ValueError:
            got = resp.text
        if ok and body is not None:
            ok = got == body
        if ok and code is not None:
            ok = isinstance(got, dict) and got.get("error_code") == code and isinstance(got.get("message"), str)
        if ok and not resp.headers.get("Content-Type", "").startswith(CT):
            ok = False
            got = f"content-type {resp.headers.get('Content-Type')}"
        print(f"{'ok  ' if ok else 'FAIL'} {what}: {resp.status_code} {json.dumps(got)[:160]}")
        if not ok:
            failures.append(what)
        return got

    v1 = {"type": "record", "name": "Check", "namespace": "dev.streamlens",
          "fields": [{"name": "id", "type": "long"},
                     {"name": "email", "type": "string", "confluent:tags": ["PII"]}]}
    v2 = dict(v1, fields=v1["fields"] + [{"name": "note", "type": ["null", "string"], "default": None}])
    bad = dict(v1, fields=v1["fields"] + [{"name": "required_new", "type": "string"}])

    expect("GET /", s.get(u + "/"), 200, {})
    types = expect("GET /schemas/types", s.get(u + "/schemas/types"), 200)
    assert isinstance(types, list) and "AVRO" in types
    expect("GET /config", s.get(u + "/config"), 200)
    expect("GET /mode", s.get(u + "/mode"), 200)
    expect("unknown subject versions", s.get(f"{u}/subjects/{subj}/versions"), 404, code=40401)
    expect("unknown subject version", s.get(f"{u}/subjects/{subj}/versions/1"), 404, code=40401)
    expect("invalid version", s.get(f"{u}/subjects/{subj}/versions/abc"), 422, code=42202)
    expect("unknown schema id", s.get(f"{u}/schemas/ids/987654321"), 404, code=40403)
    expect("invalid schema", s.post(f"{u}/subjects/{subj}/versions", json={"schema": "{not json"}), 422, code=42201)

    r1 = expect("register v1", s.post(f"{u}/subjects/{subj}/versions", json={"schema": json.dumps(v1)}), 200)
    id1 = r1["id"]
    expect("register v1 again -> same id", s.post(f"{u}/subjects/{subj}/versions", json={"schema": json.dumps(v1)}),
           200, {"id": id1})
    expect("same schema, other subject -> same id",
           s.post(f"{u}/subjects/{other}/versions", json={"schema": json.dumps(v1, indent=2)}), 200, {"id": id1})
    expect("register incompatible", s.post(f"{u}/subjects/{subj}/versions", json={"schema": json.dumps(bad)}),
           409, code=40901)
    r2 = expect("register v2", s.post(f"{u}/subjects/{subj}/versions", json={"schema": json.dumps(v2)}), 200)
    expect("list versions", s.get(f"{u}/subjects/{subj}/versions"), 200, [1, 2])
    got = expect("get latest", s.get(f"{u}/subjects/{subj}/versions/latest"), 200)
    assert got["version"] == 2 and got["id"] == r2["id"] and got["subject"] == subj and "schemaType" not in got
    assert json.loads(got["schema"])["fields"][1]["confluent:tags"] == ["PII"]
    raw = expect("get raw schema", s.get(f"{u}/subjects/{subj}/versions/1/schema"), 200)
    assert raw["name"] == "Check"
    expect("version not found", s.get(f"{u}/subjects/{subj}/versions/7"), 404, code=40402)
    got = expect("GET /schemas/ids/{id}", s.get(f"{u}/schemas/ids/{id1}"), 200)
    assert set(got) == {"schema"}
    got = expect("GET /schemas/ids/{id}/versions", s.get(f"{u}/schemas/ids/{id1}/versions"), 200)
    assert {"subject": subj, "version": 1} in got and {"subject": other, "version": 1} in got
    got = expect("lookup", s.post(f"{u}/subjects/{subj}", json={"schema": json.dumps(v2)}), 200)
    assert got["version"] == 2
    expect("lookup unknown schema", s.post(f"{u}/subjects/{subj}", json={"schema": json.dumps(bad)}), 404, code=40403)
    expect("compat ok", s.post(f"{u}/compatibility/subjects/{subj}/versions/latest",
                                json={"schema": json.dumps(v2)}), 200, {"is_compatible": True})
    got = expect("compat bad", s.post(f"{u}/compatibility/subjects/{subj}/versions/latest?verbose=true",
                                      json={"schema": json.dumps(bad)}), 200)
    assert got["is_compatible"] is False and got["messages"]

    # JSON schema with a reference-free body; schemaType is echoed for non-Avro.
    js = {"type": "object", "properties": {"email": {"type": "string", "x-pii": True}}}
    rj = expect("register JSON", s.post(f"{u}/subjects/{subj}-json/versions",
                                        json={"schemaType": "JSON", "schema": json.dumps(js)}), 200)
    got = expect("GET JSON by id", s.get(f"{u}/schemas/ids/{rj['id']}"), 200)
    assert got["schemaType"] == "JSON"

    # Avro reference.
    addr = {"type": "record", "name": "Address", "namespace": "dev.streamlens",
            "fields": [{"name": "street", "type": "string"}]}
    expect("register referenced", s.post(f"{u}/subjects/{subj}-addr/versions", json={"schema": json.dumps(addr)}), 200)
    person = {"type": "record", "name": "Person", "namespace": "dev.streamlens",
              "fields": [{"name": "home", "type": "dev.streamlens.Address"}]}
    refs = [{"name": "dev.streamlens.Address", "subject": f"{subj}-addr", "version": 1}]
    rp = expect("register with reference", s.post(f"{u}/subjects/{subj}-person/versions",
                                                  json={"schema": json.dumps(person), "references": refs}), 200)
    got = expect("GET by id has references", s.get(f"{u}/schemas/ids/{rp['id']}"), 200)
    assert got["references"] == refs

    # Config and mode.
    expect("subject config unset", s.get(f"{u}/config/{subj}"), 404, code=40408)
    expect("PUT subject config", s.put(f"{u}/config/{subj}", json={"compatibility": "NONE"}), 200,
           {"compatibility": "NONE"})
    expect("GET subject config", s.get(f"{u}/config/{subj}"), 200, {"compatibilityLevel": "NONE"})
    expect("PUT bad config", s.put(f"{u}/config/{subj}", json={"compatibility": "SIDEWAYS"}), 422, code=42203)
    expect("DELETE subject config", s.delete(f"{u}/config/{subj}"), 200, {"compatibilityLevel": "NONE"})

    # Deletes.
    expect("soft delete version 1", s.delete(f"{u}/subjects/{subj}/versions/1"), 200, 1)
    expect("versions after delete", s.get(f"{u}/subjects/{subj}/versions"), 200, [2])
    expect("versions ?deleted=true", s.get(f"{u}/subjects/{subj}/versions?deleted=true"), 200, [1, 2])
    expect("soft delete subject", s.delete(f"{u}/subjects/{subj}"), 200, [2])
    expect("subject gone", s.get(f"{u}/subjects/{subj}/versions"), 404, code=40401)
    subjects = expect("GET /subjects?deleted=true", s.get(f"{u}/subjects?deleted=true"), 200)
    assert subj in subjects
    assert subj not in expect("GET /subjects", s.get(f"{u}/subjects"), 200)
    expect("soft delete again", s.delete(f"{u}/subjects/{subj}"), 404, code=40404)
    expect("permanent delete", s.delete(f"{u}/subjects/{subj}?permanent=true"), 200, [1, 2])
    expect("schema id survives", s.get(f"{u}/schemas/ids/{id1}"), 200)

    # Leave no trace: delete what this run created (referencing subject first).
    for name in (f"{subj}-person", f"{subj}-addr", f"{subj}-json", other):
        s.delete(f"{u}/subjects/{name}")
        expect(f"cleanup {name}", s.delete(f"{u}/subjects/{name}?permanent=true"), 200)

    print(f"\n{'FAILED: ' + ', '.join(failures) if failures else 'all registry checks passed'}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
