//! What the Schema Registry holds, as the engine hands it to the UI and the CLI: subjects,
//! versions, schemas with their references, compatibility and mode.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum SchemaType {
    Avro,
    Protobuf,
    Json,
}

impl SchemaType {
    /// The registry's `schemaType`; it omits the field for Avro.
    pub fn parse(text: Option<&str>) -> Self {
        match text {
            Some("PROTOBUF") => Self::Protobuf,
            Some("JSON") => Self::Json,
            _ => Self::Avro,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Avro => "AVRO",
            Self::Protobuf => "PROTOBUF",
            Self::Json => "JSON",
        }
    }
}

/// A named dependency of a schema: an Avro named type, a Protobuf import, a JSON `$ref`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SchemaReference {
    pub name: String,
    pub subject: String,
    pub version: i32,
}

/// One version of a subject.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SubjectVersion {
    pub subject: String,
    pub version: i32,
    pub id: u32,
    pub schema_type: SchemaType,
    /// The schema as the registry returned it (Avro/JSON: JSON text; Protobuf: .proto text).
    pub schema: String,
    pub references: Vec<SchemaReference>,
}

/// A subject with what the schema browser shows next to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SubjectDetail {
    pub subject: String,
    pub versions: Vec<i32>,
    pub latest: SubjectVersion,
    /// The level that applies to the subject, and whether it is the subject's own or the global one.
    pub compatibility: String,
    pub compatibility_is_global: bool,
    pub mode: String,
    /// Topics that use this subject (TopicNameStrategy, or a record-name strategy where detectable).
    pub topics: Vec<String>,
}

/// The registry as a whole.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RegistryOverview {
    pub subjects: Vec<String>,
    pub compatibility: String,
    pub mode: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CompatibilityReport {
    pub compatible: bool,
    /// What the registry said is incompatible (empty when compatible).
    pub messages: Vec<String>,
}

/// A schema to check or register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SchemaDraft {
    pub schema_type: SchemaType,
    pub schema: String,
    pub references: Vec<SchemaReference>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RegisteredId {
    pub id: u32,
}

/// The full name of the record an Avro or Protobuf schema version defines first (for
/// record-name subject strategies); `None` for JSON Schema or when it cannot be read.
pub fn record_name(version: &SubjectVersion) -> Option<String> {
    match version.schema_type {
        SchemaType::Avro => {
            let value: serde_json::Value = serde_json::from_str(&version.schema).ok()?;
            let name = value.get("name")?.as_str()?;
            match value.get("namespace").and_then(serde_json::Value::as_str) {
                Some(ns) if !name.contains('.') && !ns.is_empty() => Some(format!("{ns}.{name}")),
                _ => Some(name.to_string()),
            }
        }
        SchemaType::Protobuf => {
            let package = version.schema.split("package ").nth(1).and_then(|rest| rest.split(';').next());
            let message = version.schema.split("message ").nth(1)?.split_whitespace().next()?;
            let message = message.trim_end_matches('{');
            Some(package.map_or_else(|| message.to_string(), |p| format!("{}.{message}", p.trim())))
        }
        SchemaType::Json => None,
    }
}
