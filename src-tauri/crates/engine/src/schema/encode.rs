//! Producing with a schema: a JSON value encoded as Avro, Protobuf or JSON Schema-checked
//! JSON with a chosen subject version, framed in the Confluent wire format. Validation
//! errors name the field.

use super::model::SchemaType;
use super::resolver::{Compiled, SchemaResolver};
use super::{avro_encode, protobuf, wire};
use crate::error::{Error, Result};
use crate::kafka::producing::ProduceSchema;

/// The framed bytes for `json` under `schema`.
pub async fn encode_value(registry: &SchemaResolver, schema: &ProduceSchema, json: &str) -> Result<Vec<u8>> {
    let version = schema.version.map_or_else(|| "latest".to_string(), |v| v.to_string());
    let registered = registry.client().version(&schema.subject, &version).await?;
    let resolved = registry.get(registered.id).await.map_err(Error::unavailable)?;
    let compiled =
        resolved.compiled.as_ref().map_err(|e| Error::invalid(format!("Schema {}: {e}", registered.id)))?;
    let invalid = |problem: String| {
        Error::invalid(format!(
            "The value does not fit {} v{}: {problem}",
            registered.subject, registered.version
        ))
    };
    match compiled {
        Compiled::Avro(plan) => {
            let value: serde_json::Value = parse(json)?;
            let body = avro_encode::encode(plan, &value).map_err(invalid)?;
            Ok(wire::frame(registered.id, None, &body))
        }
        Compiled::Protobuf(proto) => {
            let (indexes, message) = proto.message_named(schema.message.as_deref()).map_err(invalid)?;
            let body = protobuf::encode(&message, json).map_err(invalid)?;
            Ok(wire::frame(registered.id, Some(&indexes), &body))
        }
        Compiled::Json => {
            debug_assert_eq!(resolved.schema_type, SchemaType::Json);
            let value: serde_json::Value = parse(json)?;
            let schema_json: serde_json::Value = serde_json::from_str(&registered.schema)
                .map_err(|e| Error::invalid(format!("Schema {} is not JSON: {e}", registered.id)))?;
            let validator = jsonschema::validator_for(&schema_json).map_err(|e| {
                Error::invalid(format!("Schema {} is not a usable JSON Schema: {e}", registered.id))
            })?;
            let problems: Vec<String> = validator
                .iter_errors(&value)
                .take(10)
                .map(|e| {
                    let at = e.instance_path().to_string();
                    if at.is_empty() {
                        e.to_string()
                    } else {
                        format!("`{at}`: {e}")
                    }
                })
                .collect();
            if !problems.is_empty() {
                return Err(invalid(problems.join("; ")));
            }
            Ok(wire::frame(registered.id, None, json.as_bytes()))
        }
    }
}

fn parse(json: &str) -> Result<serde_json::Value> {
    serde_json::from_str(json).map_err(|e| {
        Error::invalid(format!("The value is not valid JSON (line {}, column {}): {e}", e.line(), e.column()))
    })
}
