//! Fuzzes the decode stage's entry points with the interop schema set
//! (tests/fixtures/schemas): the Confluent wire format and Protobuf message-index parser,
//! the Avro decoder (every type and logical type, references, recursion), the Protobuf
//! decoder (imports, oneof, well-known types) and auto-detection (JSON, text, MessagePack).
//! The first input byte picks the entry point; one more runs the built-in masking over
//! auto-decoded input. Properties: nothing panics, overflows the stack or runs away,
//! whatever decodes is valid JSON, and masked output holds no detector match.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use streamlens_engine::access::policy::MaskingPolicy;
use streamlens_engine::browse::decode::decode_auto_within;
use streamlens_engine::browse::record::PayloadFormat;
use streamlens_engine::mask::{find_all, Detector, Masker, PseudonymKey};
use streamlens_engine::schema::protobuf::{self, ProtoSchema};
use streamlens_engine::schema::{avro, wire, AvroPlan};

struct Schemas {
    avro: Vec<AvroPlan>,
    proto: ProtoSchema,
}

fn schemas() -> &'static Schemas {
    static SCHEMAS: OnceLock<Schemas> = OnceLock::new();
    SCHEMAS.get_or_init(|| {
        let fixture = |path: &str| {
            let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../../tests/fixtures/schemas/");
            std::fs::read_to_string(format!("{root}{path}")).expect("fixture schema")
        };
        let address = fixture("avro/Address.avsc");
        let avro = vec![
            AvroPlan::compile(&fixture("avro/Sample.avsc"), &[address]).expect("Sample compiles"),
            AvroPlan::compile(&fixture("avro/Customer.v3.avsc"), &[]).expect("Customer compiles"),
        ];
        let common = ("streamlens/interop/common.proto".to_string(), fixture("protobuf/streamlens/interop/common.proto"));
        let proto = ProtoSchema::compile(&fixture("protobuf/streamlens/interop/events.proto"), &[common])
            .expect("events.proto compiles");
        Schemas { avro, proto }
    })
}

thread_local! {
    /// The masker remembers field names between records, so it is kept (per thread) too.
    static MASKER: std::cell::RefCell<Masker> = std::cell::RefCell::new(
        Masker::new(&MaskingPolicy::default(), "fuzz", PseudonymKey::new(b"fuzz".to_vec())).expect("built-in masking"),
    );
}

fn collect_strings(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::String(s) => out.push(s.clone()),
        // The masker's rule: a number below a million is no card, phone or account number
        // (the fraction of `-6.337254524230957` holds a Luhn-valid run; it is not PII).
        serde_json::Value::Number(n) if n.as_f64().is_some_and(|f| f.abs() < 1e6) => {}
        serde_json::Value::Number(n) => out.push(n.to_string()),
        serde_json::Value::Array(items) => items.iter().for_each(|v| collect_strings(v, out)),
        serde_json::Value::Object(map) => {
            for (key, v) in map {
                out.push(key.clone());
                collect_strings(v, out);
            }
        }
        _ => {}
    }
}

fn valid_json(text: &str) {
    if let Err(err) = serde_json::from_str::<serde_json::Value>(text) {
        // serde_json stops at 128 levels (the decoders allow about as many) and refuses
        // numbers beyond f64 (`1e999`) that JSON's grammar allows and producers send.
        let message = err.to_string();
        assert!(
            message.contains("recursion limit") || message.contains("number out of range"),
            "invalid JSON ({err}): {text}"
        );
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, body)) = data.split_first() else { return };
    let schemas = schemas();
    match selector % 5 {
        0 | 1 => {
            let plan = &schemas.avro[usize::from(selector % 2)];
            let mut out = String::new();
            if avro::decode(plan, body, &mut out).is_ok() {
                valid_json(&out);
            }
        }
        2 => {
            if let Ok((indexes, message)) = wire::protobuf_indexes(body) {
                if let Ok(descriptor) = schemas.proto.message(&indexes) {
                    if let Ok(json) = protobuf::decode(&descriptor, message) {
                        valid_json(&json);
                    }
                }
            }
        }
        4 => {
            let payload = decode_auto_within(Some(body), usize::MAX);
            let Some(text) = payload.text.as_deref() else { return };
            let mut marks = Vec::new();
            // Each string the masked value holds (keys included) is checked, not the JSON text:
            // escapes such as `\u0000@host.com` read as an email only once serialised.
            let mut strings = Vec::new();
            MASKER.with_borrow_mut(|masker| match payload.format {
                PayloadFormat::Json => {
                    // The masker reads what the decoder wrote; it may refuse it, never pass it.
                    if let Ok(masked) = masker.mask_json(text, &[], &mut marks) {
                        let value = serde_json::from_str(&masked).expect("masked JSON is JSON");
                        collect_strings(&value, &mut strings);
                    }
                }
                _ => strings.push(masker.mask_text(text, &mut marks)),
            });
            for masked in &strings {
                let left = find_all(masked, &Detector::ALL);
                assert!(left.is_empty(), "{left:?} left in masked {masked:?} of {text:?}");
            }
        }
        _ => {
            let _ = wire::confluent_frame(body);
            let _ = wire::not_framed_reason(body);
            let payload = decode_auto_within(Some(body), usize::MAX);
            if payload.format == PayloadFormat::Json && !payload.truncated {
                valid_json(payload.text.as_deref().unwrap_or_default());
            }
        }
    }
});
