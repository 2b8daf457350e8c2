//! Fuzzes the decode stage's entry points with the interop schema set
//! (tests/fixtures/schemas): the Confluent wire format and Protobuf message-index parser,
//! the Avro decoder (every type and logical type, references, recursion), the Protobuf
//! decoder (imports, oneof, well-known types) and auto-detection (JSON, text, MessagePack).
//! The first input byte picks the entry point. Properties: nothing panics, overflows the
//! stack or runs away, and whatever decodes is valid JSON.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use streamlens_engine::browse::decode::decode_auto_within;
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
    match selector % 4 {
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
        _ => {
            let _ = wire::confluent_frame(body);
            let _ = wire::not_framed_reason(body);
            let payload = decode_auto_within(Some(body), usize::MAX);
            if payload.format == streamlens_engine::browse::record::PayloadFormat::Json && !payload.truncated {
                valid_json(payload.text.as_deref().unwrap_or_default());
            }
        }
    }
});
