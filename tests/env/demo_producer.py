#!/usr/bin/env python3
"""Write realistic demo messages full of PII to the local broker (tests/env).

Topics (created first, 3 partitions each, via AdminClient):
  demo.customers  string key (customer id), JSON value: names, emails, international
                  phones, addresses, IBANs (valid checksum), Luhn-valid card numbers, IPs
  demo.orders     string key (order id), Confluent-framed Avro value
                  (magic 0 + 4-byte big-endian schema id + Avro binary); schema registered
                  under subject demo.orders-value with "confluent:tags": ["PII"] on PII fields
  demo.payments   string key (payment id), JSON value with nested objects and arrays;
                  headers carry a trace id (traceparent + trace-id) and the user's email

Deterministic: the same --seed gives the same keys, values and headers (Kafka record
timestamps are "now" unless --timestamp-base-ms is given). Every message says in its
payload that it is synthetic; all data is generated, none of it is real.

  python tests/env/demo_producer.py [--count 200] [--seed 42] [--skip-if-present]
"""

import argparse
import io
import json
import os
import random
import struct
import sys
import time

import fastavro
import requests
from confluent_kafka import Consumer, KafkaException, Producer, TopicPartition
from confluent_kafka.admin import AdminClient, NewTopic

TOPICS = ["demo.customers", "demo.orders", "demo.payments"]
PARTITIONS = 3
SUBJECT = "demo.orders-value"
CT = "application/vnd.schemaregistry.v1+json"
BASE_CREATED_MS = 1767225600000  # 2026-01-01T00:00:00Z: payload dates are deterministic

FIRST = ["Ana", "Bjorn", "Chloé", "Dmitri", "Emma", "Farah", "Giulia", "Hiroshi", "Ingrid", "José",
         "Kwame", "Léa", "Mateusz", "Nia", "Oliver", "Priya", "Quentin", "Rosa", "Sven", "Tomás",
         "Ursula", "Vikram", "Wen", "Ximena", "Yusuf", "Zoë"]
LAST = ["Andersson", "Brown", "Costa", "Dubois", "Eriksen", "Fernández", "García", "Hoffmann",
        "Ivanova", "Jensen", "Kowalski", "Lindqvist", "Müller", "Nakamura", "O'Connor", "Patel",
        "Rossi", "Schmidt", "Tanaka", "Van der Berg", "Williams", "Yilmaz", "Zhang"]
DOMAINS = ["example.com", "example.org", "mail.example.net", "example.co.uk", "example.de"]

# country -> (city list, street list, postal code pattern, phone formatter)
COUNTRIES = {
    "US": (["San Francisco", "New York", "Austin"], ["Market St", "Broadway", "Congress Ave"], "#####",
           lambda r: f"+1 ({r.randint(201, 989)}) 555-{r.randint(0, 9999):04d}"),
    "GB": (["London", "Manchester", "Edinburgh"], ["Baker Street", "Deansgate", "Royal Mile"], "@@# #@@",
           lambda r: f"+44 20 7946 {r.randint(0, 9999):04d}"),
    "DE": (["Berlin", "München", "Hamburg"], ["Unter den Linden", "Leopoldstraße", "Mönckebergstraße"], "#####",
           lambda r: f"+49 30 {r.randint(100000, 99999999)}"),
    "FR": (["Paris", "Lyon", "Marseille"], ["rue de Rivoli", "rue de la République", "La Canebière"], "#####",
           lambda r: "+33 " + str(r.randint(1, 9)) + " " + " ".join(f"{r.randint(0, 99):02d}" for _ in range(4))),
    "JP": (["Tokyo", "Osaka", "Kyoto"], ["Chuo-dori", "Midosuji", "Shijo-dori"], "###-####",
           lambda r: f"+81 3-{r.randint(1000, 9999)}-{r.randint(1000, 9999)}"),
    "IN": (["Mumbai", "Bengaluru", "Delhi"], ["MG Road", "Brigade Road", "Janpath"], "######",
           lambda r: f"+91 {r.randint(70000, 99999)} {r.randint(10000, 99999)}"),
    "BR": (["São Paulo", "Rio de Janeiro", "Curitiba"], ["Avenida Paulista", "Rua Augusta", "Rua XV de Novembro"],
           "#####-###", lambda r: f"+55 11 9{r.randint(1000, 9999)}-{r.randint(1000, 9999)}"),
    "NL": (["Amsterdam", "Rotterdam", "Utrecht"], ["Damrak", "Coolsingel", "Oudegracht"], "#### @@",
           lambda r: f"+31 20 {r.randint(100, 999)} {r.randint(1000, 9999)}"),
}
# IBAN BBAN layouts: '#' digit, '@' upper-case letter.
IBAN_BBAN = {"DE": "##################", "GB": "@@@@##############", "NL": "@@@@##########",
             "FR": "#######################", "ES": "####################"}
CARD_BRANDS = [("VISA", "4", 16), ("MASTERCARD", "5%d", 16), ("AMEX", "3%d", 15), ("DISCOVER", "6011", 16)]
USER_AGENTS = ["Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36",
               "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148",
               "okhttp/4.12.0"]
PRODUCTS = [("SKU-1001", "Espresso beans 1kg", 18.90), ("SKU-2040", "Noise-cancelling headphones", 249.00),
            ("SKU-3300", "Running shoes", 119.95), ("SKU-4012", "USB-C cable 2m", 9.99),
            ("SKU-5150", "Desk lamp", 39.50), ("SKU-6006", "Paperback novel", 14.00)]

ORDER_SCHEMA = {
    "type": "record", "name": "Order", "namespace": "dev.streamlens.demo",
    "doc": "A synthetic web-shop order (Streamlens demo data).",
    "fields": [
        {"name": "order_id", "type": "string"},
        {"name": "customer_id", "type": "string"},
        {"name": "customer_name", "type": "string", "confluent:tags": ["PII"]},
        {"name": "email", "type": "string", "confluent:tags": ["PII"]},
        {"name": "phone", "type": ["null", "string"], "default": None, "confluent:tags": ["PII"]},
        {"name": "shipping_address", "confluent:tags": ["PII"], "type": {
            "type": "record", "name": "Address", "fields": [
                {"name": "street", "type": "string"}, {"name": "city", "type": "string"},
                {"name": "postal_code", "type": "string"}, {"name": "country", "type": "string"}]}},
        {"name": "card", "type": {
            "type": "record", "name": "CardPayment", "fields": [
                {"name": "number", "type": "string", "confluent:tags": ["PII"]},
                {"name": "expiry", "type": "string"},
                {"name": "brand", "type": {"type": "enum", "name": "CardBrand",
                                           "symbols": ["VISA", "MASTERCARD", "AMEX", "DISCOVER"]}}]}},
        {"name": "items", "type": {"type": "array", "items": {
            "type": "record", "name": "LineItem", "fields": [
                {"name": "sku", "type": "string"}, {"name": "name", "type": "string"},
                {"name": "quantity", "type": "int"}, {"name": "unit_price", "type": "double"}]}}},
        {"name": "total", "type": "double"},
        {"name": "currency", "type": "string"},
        {"name": "status", "type": {"type": "enum", "name": "OrderStatus",
                                    "symbols": ["NEW", "PAID", "SHIPPED", "DELIVERED", "CANCELLED"]}},
        {"name": "client_ip", "type": "string", "confluent:tags": ["PII"]},
        {"name": "created_at", "type": {"type": "long", "logicalType": "timestamp-millis"}},
        {"name": "notes", "type": ["null", "string"], "default": None},
    ],
}


# ---------------------------------------------------------------------------------------
# Generators (all take a random.Random so output depends only on the seed)

def pattern(r, p):
    return "".join(str(r.randint(0, 9)) if c == "#" else chr(r.randint(65, 90)) if c == "@" else c for c in p)


def luhn_complete(partial):
    """Append the Luhn check digit to a digit string."""
    total = 0
    for i, d in enumerate(reversed(partial)):
        n = int(d)
        if i % 2 == 0:  # these get doubled once the check digit is appended
            n = n * 2 - 9 if n > 4 else n * 2
        total += n
    return partial + str((10 - total % 10) % 10)


def card(r):
    brand, prefix, length = r.choice(CARD_BRANDS)
    if "%d" in prefix:
        prefix = prefix % (r.randint(1, 5) if brand == "MASTERCARD" else r.choice([4, 7]))
    body = prefix + "".join(str(r.randint(0, 9)) for _ in range(length - len(prefix) - 1))
    number = luhn_complete(body)
    groups = [number[:4], number[4:10], number[10:]] if length == 15 else [number[i:i + 4] for i in range(0, 16, 4)]
    spaced = r.random() < 0.5
    return brand, (" ".join(groups) if spaced else number), f"{r.randint(1, 12):02d}/{r.randint(27, 31)}"


def iban(r, country=None):
    country = country if country in IBAN_BBAN else r.choice(sorted(IBAN_BBAN))
    bban = pattern(r, IBAN_BBAN[country])
    digits = "".join(str(int(c, 36)) for c in bban + country + "00")
    check = 98 - int(digits) % 97
    raw = f"{country}{check:02d}{bban}"
    return " ".join(raw[i:i + 4] for i in range(0, len(raw), 4)) if r.random() < 0.5 else raw


def ip(r):
    if r.random() < 0.75:  # documentation ranges (RFC 5737) and some private ones
        return r.choice([f"192.0.2.{r.randint(1, 254)}", f"198.51.100.{r.randint(1, 254)}",
                         f"203.0.113.{r.randint(1, 254)}", f"10.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}"])
    return "2001:db8:%x:%x::%x" % (r.randint(0, 0xffff), r.randint(0, 0xffff), r.randint(1, 0xffff))


def person(r, i):
    first, last = r.choice(FIRST), r.choice(LAST)
    country = r.choice(sorted(COUNTRIES))
    cities, streets, postal, phone = COUNTRIES[country]
    local = f"{first}.{last}".lower().replace(" ", "").replace("'", "")
    local = local.encode("ascii", "ignore").decode() or f"user{i}"
    return {
        "customer_id": f"C-{i:06d}",
        "first_name": first, "last_name": last, "full_name": f"{first} {last}",
        "email": f"{local}{r.randint(1, 99)}@{r.choice(DOMAINS)}",
        "phone": phone(r),
        "address": {"street": f"{r.randint(1, 250)} {r.choice(streets)}", "city": r.choice(cities),
                    "postal_code": pattern(r, postal), "country": country},
        "country": country,
    }


def customer_value(r, i):
    p = person(r, i)
    brand, number, expiry = card(r)
    return p["customer_id"], {
        "_synthetic": True,
        "customer_id": p["customer_id"],
        "first_name": p["first_name"], "last_name": p["last_name"], "full_name": p["full_name"],
        "email": p["email"], "phone": p["phone"],
        "date_of_birth": f"{r.randint(1950, 2005)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}",
        "address": p["address"],
        "iban": iban(r, p["country"]),
        "card": {"brand": brand, "number": number, "expiry": expiry},
        "last_login_ip": ip(r),
        "loyalty": {"tier": r.choice(["bronze", "silver", "gold", "platinum"]), "points": r.randint(0, 50000)},
        "marketing_opt_in": r.random() < 0.4,
        "tags": r.sample(["vip", "newsletter", "b2b", "churn-risk", "beta"], r.randint(0, 3)),
        "created_at": BASE_CREATED_MS + i * 60_000,
    }


def order_value(r, i, customers):
    p = r.choice(customers)  # the same people as in demo.customers, so pseudonyms correlate
    brand, number, expiry = card(r)
    items = []
    for sku, name, price in r.sample(PRODUCTS, r.randint(1, 3)):
        items.append({"sku": sku, "name": name, "quantity": r.randint(1, 4), "unit_price": price})
    total = round(sum(it["quantity"] * it["unit_price"] for it in items), 2)
    notes = None
    if r.random() < 0.3:  # free text with PII the schema tags cannot see (detectors must)
        notes = r.choice([f"Please call {p['phone']} before delivery",
                          f"Gift - send receipt to {p['email']}",
                          "Leave at the door"])
    order_id = f"O-{i:07d}"
    return order_id, {
        "order_id": order_id, "customer_id": p["customer_id"], "customer_name": p["full_name"],
        "email": p["email"], "phone": p["phone"] if r.random() < 0.8 else None,
        "shipping_address": p["address"],
        "card": {"number": number, "expiry": expiry, "brand": brand},
        "items": items, "total": total, "currency": r.choice(["EUR", "USD", "GBP"]),
        "status": r.choice(["NEW", "PAID", "SHIPPED", "DELIVERED", "CANCELLED"]),
        "client_ip": ip(r), "created_at": BASE_CREATED_MS + i * 45_000, "notes": notes,
    }


def payment_value(r, i, customers):
    p = r.choice(customers)
    payment_id = f"P-{i:07d}"
    if r.random() < 0.6:
        brand, number, expiry = card(r)
        method = {"type": "card", "card": {"brand": brand, "number": number, "expiry": expiry,
                                           "holder": p["full_name"].upper()}}
    else:
        method = {"type": "sepa_debit", "sepa": {"iban": iban(r), "holder": p["full_name"],
                                                 "mandate_id": f"MD-{r.randint(10**7, 10**8 - 1)}"}}
    at = BASE_CREATED_MS + i * 30_000
    attempts = []
    for a in range(r.randint(1, 3)):
        attempts.append({"at": at + a * 2_000, "result": "declined", "code": r.choice(["05", "51", "61"])})
    attempts[-1] = {"at": attempts[-1]["at"], "result": r.choice(["approved", "approved", "declined"]),
                    "code": "00"}
    trace_id = "%032x" % r.getrandbits(128)
    span_id = "%016x" % r.getrandbits(64)
    value = {
        "_synthetic": True,
        "payment_id": payment_id, "order_id": f"O-{r.randint(0, max(i, 1)):07d}",
        "amount": {"value": round(r.uniform(3, 900), 2), "currency": r.choice(["EUR", "USD", "GBP", "JPY"])},
        "method": method,
        "payer": {"name": p["full_name"], "email": p["email"], "phone": p["phone"],
                  "billing_address": p["address"]},
        "attempts": attempts,
        "risk": {"score": round(r.random(), 3),
                 "signals": r.sample(["new_device", "ip_country_mismatch", "velocity", "vpn"], r.randint(0, 2)),
                 "device": {"ip": ip(r), "user_agent": r.choice(USER_AGENTS),
                            "fingerprint": "%016x" % r.getrandbits(64)}},
        "metadata": {"channel": r.choice(["web", "ios", "android", "pos"]), "trace_id": trace_id},
    }
    headers = [("traceparent", f"00-{trace_id}-{span_id}-01".encode()),
               ("trace-id", trace_id.encode()),
               ("user-email", p["email"].encode()),
               ("content-type", b"application/json"),
               ("source", b"payments-service")]
    return payment_id, value, headers


# ---------------------------------------------------------------------------------------

def register_schema(url, auth):
    resp = requests.post(f"{url}/subjects/{SUBJECT}/versions", auth=auth, timeout=10,
                         headers={"Content-Type": CT, "Accept": CT},
                         data=json.dumps({"schema": json.dumps(ORDER_SCHEMA)}))
    if resp.status_code != 200:
        sys.exit(f"registering {SUBJECT} failed: {resp.status_code} {resp.text}")
    return resp.json()["id"]


def confluent_avro(schema_id, parsed, record):
    buf = io.BytesIO()
    buf.write(struct.pack(">bI", 0, schema_id))
    fastavro.schemaless_writer(buf, parsed, record)
    return buf.getvalue()


def ensure_topics(admin):
    existing = admin.list_topics(timeout=10).topics
    new = [NewTopic(t, num_partitions=PARTITIONS, replication_factor=1) for t in TOPICS if t not in existing]
    for topic, fut in admin.create_topics(new, operation_timeout=10).items() if new else []:
        try:
            fut.result()
        except KafkaException as e:
            if "TOPIC_ALREADY_EXISTS" not in str(e):
                raise


def message_counts(bootstrap):
    c = Consumer({"bootstrap.servers": bootstrap, "group.id": "streamlens-demo-count",
                  "enable.auto.commit": False})
    try:
        out = {}
        for t in TOPICS:
            total = 0
            for p in range(PARTITIONS):
                lo, hi = c.get_watermark_offsets(TopicPartition(t, p), timeout=10)
                total += max(hi - lo, 0)
            out[t] = total
        return out
    finally:
        c.close()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=200, help="messages per topic (default 200)")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--bootstrap", default=os.environ.get("STREAMLENS_KAFKA_BOOTSTRAP", "127.0.0.1:19092"))
    ap.add_argument("--registry", default=os.environ.get("STREAMLENS_REGISTRY_URL", "http://127.0.0.1:18081"))
    ap.add_argument("--registry-auth", default=os.environ.get("STREAMLENS_REGISTRY_AUTH"), help="user:pass")
    ap.add_argument("--compression", default="lz4", help="producer compression.type (default lz4)")
    ap.add_argument("--timestamp-base-ms", type=int, help="record timestamps = base + i*1000 (default: now)")
    ap.add_argument("--skip-if-present", action="store_true",
                    help="leave a topic alone when it already holds >= --count messages")
    args = ap.parse_args()
    t0 = time.time()
    auth = tuple(args.registry_auth.split(":", 1)) if args.registry_auth else None

    ensure_topics(AdminClient({"bootstrap.servers": args.bootstrap}))
    counts = message_counts(args.bootstrap) if args.skip_if_present else {}
    todo = [t for t in TOPICS if counts.get(t, 0) < args.count]
    if not todo:
        print(f"demo data already present ({', '.join(f'{t}={counts[t]}' for t in TOPICS)}); nothing produced")
        return

    schema_id = register_schema(args.registry, auth)
    parsed = fastavro.parse_schema(ORDER_SCHEMA)
    producer = Producer({"bootstrap.servers": args.bootstrap, "linger.ms": 20, "acks": "all",
                         "enable.idempotence": False, "compression.type": args.compression})
    errors = []

    def on_delivery(err, _msg):
        if err is not None:
            errors.append(str(err))

    # The customers first (deterministic), so orders and payments can refer to them.
    rc = random.Random(f"{args.seed}:demo.customers")
    customers = [customer_value(rc, i) for i in range(max(args.count, 1))]
    people = [c for _, c in customers]
    base_ts = args.timestamp_base_ms if args.timestamp_base_ms is not None else int(time.time() * 1000) - args.count * 1000
    for topic in todo:
        r = random.Random(f"{args.seed}:{topic}:next")
        for i in range(args.count):
            ts = base_ts + i * 1000
            headers = None
            if topic == "demo.customers":
                key, value = customers[i]
                payload = json.dumps(value, ensure_ascii=False).encode()
            elif topic == "demo.orders":
                key, value = order_value(r, i, people)
                payload = confluent_avro(schema_id, parsed, value)
            else:
                key, value, headers = payment_value(r, i, people)
                payload = json.dumps(value, ensure_ascii=False).encode()
            producer.produce(topic, key=key.encode(), value=payload, headers=headers, timestamp=ts,
                             on_delivery=on_delivery)
            producer.poll(0)
    left = producer.flush(30)
    if left or errors:
        sys.exit(f"produce failed: {left} undelivered, errors: {errors[:3]}")
    print(f"produced {args.count} messages to each of {', '.join(todo)} "
          f"(schema id {schema_id} for {SUBJECT}) in {int((time.time() - t0) * 1000)} ms")


if __name__ == "__main__":
    main()
