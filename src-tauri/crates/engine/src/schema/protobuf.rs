//! Protobuf schemas from the registry compiled at run time (protox, a pure-Rust protobuf
//! compiler) and messages decoded with prost-reflect to the canonical proto3 JSON mapping.
//! References are other registry subjects named by their import path; Google's well-known
//! types resolve without the registry. A schema may come as `.proto` text or, as some
//! clients register it, a base64 serialized `FileDescriptorProto`.

use std::collections::HashMap;

use base64::Engine as _;
use prost_reflect::{DescriptorPool, DynamicMessage, MessageDescriptor, ReflectMessage, SerializeOptions};
use protox::file::{ChainFileResolver, File, FileResolver, GoogleFileResolver};

/// The name the decoded schema's own file gets (its imports keep theirs).
const ROOT_FILE: &str = "streamlens-registry-schema.proto";

/// The file that defines `(confluent.field_meta).tags`, as Confluent's tools define it.
const CONFLUENT_META: &str = "confluent/meta.proto";
const CONFLUENT_META_TEXT: &str = r#"
syntax = "proto3";
package confluent;
import "google/protobuf/descriptor.proto";
message Meta {
  string doc = 1;
  map<string, string> params = 2;
  repeated string tags = 3;
}
extend google.protobuf.FileOptions { Meta file_meta = 1088; }
extend google.protobuf.MessageOptions { Meta message_meta = 1088; }
extend google.protobuf.FieldOptions { Meta field_meta = 1088; }
extend google.protobuf.EnumOptions { Meta enum_meta = 1088; }
extend google.protobuf.EnumValueOptions { Meta enum_value_meta = 1088; }
"#;

/// A compiled Protobuf schema: its file and every file it imports.
#[derive(Debug, Clone)]
pub struct ProtoSchema {
    pool: DescriptorPool,
}

impl ProtoSchema {
    /// Compiles `schema` with `references`: (import name, schema text) pairs.
    pub fn compile(schema: &str, references: &[(String, String)]) -> Result<Self, String> {
        let mut files = HashMap::new();
        files.insert(ROOT_FILE.to_string(), open(ROOT_FILE, schema)?);
        for (name, text) in references {
            files.insert(name.clone(), open(name, text)?);
        }
        if !files.contains_key(CONFLUENT_META) {
            // Confluent's serializers know this file without a registry reference.
            files.insert(CONFLUENT_META.to_string(), open(CONFLUENT_META, CONFLUENT_META_TEXT)?);
        }
        let mut resolver = ChainFileResolver::new();
        resolver.add(Files(files));
        resolver.add(GoogleFileResolver::new());
        let mut compiler = protox::Compiler::with_file_resolver(resolver);
        compiler.include_imports(true);
        compiler.open_file(ROOT_FILE).map_err(|e| format!("the Protobuf schema does not compile: {e}"))?;
        Ok(Self { pool: compiler.descriptor_pool() })
    }

    /// The message the index path names: `[1, 0]` is the first nested message of the second
    /// top-level message.
    pub fn message(&self, indexes: &[i32]) -> Result<MessageDescriptor, String> {
        let file = self.pool.get_file_by_name(ROOT_FILE).ok_or("the compiled schema lost its file")?;
        let (first, nested) = indexes.split_first().ok_or("the message-index array is empty")?;
        let count = file.messages().len();
        let mut message = usize::try_from(*first).ok().and_then(|i| file.messages().nth(i)).ok_or_else(|| {
            format!("Protobuf message index {first} is out of range: the schema has {count} top-level messages")
        })?;
        for index in nested {
            let count = message.child_messages().len();
            let name = message.full_name().to_string();
            message = usize::try_from(*index).ok().and_then(|i| message.child_messages().nth(i)).ok_or_else(
                || format!("Protobuf message index {index} is out of range: `{name}` has {count} nested messages"),
            )?;
        }
        Ok(message)
    }

    /// The message named `name` (or the file's first) and its message-index path.
    pub fn message_named(&self, name: Option<&str>) -> Result<(Vec<i32>, MessageDescriptor), String> {
        let file = self.pool.get_file_by_name(ROOT_FILE).ok_or("the compiled schema lost its file")?;
        let mut pending: Vec<(Vec<i32>, MessageDescriptor)> =
            file.messages().enumerate().map(|(i, m)| (vec![i32::try_from(i).unwrap_or(0)], m)).collect();
        pending.reverse();
        while let Some((path, message)) = pending.pop() {
            if name.is_none_or(|n| n == message.full_name() || n == message.name()) {
                return Ok((path, message));
            }
            for (i, child) in message.child_messages().enumerate().collect::<Vec<_>>().into_iter().rev() {
                let mut child_path = path.clone();
                child_path.push(i32::try_from(i).unwrap_or(0));
                pending.push((child_path, child));
            }
        }
        Err(format!("the schema has no message `{}`", name.unwrap_or_default()))
    }

    /// Every message of the schema's own file, nested ones included.
    pub fn all_messages(&self) -> Vec<MessageDescriptor> {
        let Some(file) = self.pool.get_file_by_name(ROOT_FILE) else {
            return Vec::new();
        };
        let mut out: Vec<MessageDescriptor> = Vec::new();
        let mut pending: Vec<MessageDescriptor> = file.messages().collect();
        while let Some(message) = pending.pop() {
            pending.extend(message.child_messages().filter(|m| !m.is_map_entry()));
            out.push(message);
        }
        out
    }

    /// The first top-level message's name, for display.
    pub fn first_message_name(&self) -> Option<String> {
        let file = self.pool.get_file_by_name(ROOT_FILE)?;
        let name = file.messages().next().map(|m| m.full_name().to_string());
        name
    }
}

/// Decodes one message to proto3 JSON.
pub fn decode(message: &MessageDescriptor, bytes: &[u8]) -> Result<String, String> {
    let mut decoded = DynamicMessage::decode(message.clone(), bytes)
        .map_err(|e| format!("the payload is not a valid `{}`: {e}", message.full_name()))?;
    let replaced = mark_non_finite_wrappers(&mut decoded, 0);
    let mut out = Vec::with_capacity(bytes.len() * 2);
    let mut serializer = serde_json::Serializer::new(&mut out);
    decoded
        .serialize_with_options(&mut serializer, &SerializeOptions::new())
        .map_err(|e| format!("`{}` cannot be written as JSON: {e}", message.full_name()))?;
    let mut json = String::from_utf8(out).map_err(|e| e.to_string())?;
    if replaced {
        for (marker, text) in non_finite_markers() {
            json = json.replace(&marker, text);
        }
    }
    Ok(json)
}

/// prost-reflect writes a `DoubleValue`/`FloatValue` wrapper holding NaN or an infinity as
/// `null` (serde_json has no such numbers), where proto3 JSON wants `"NaN"`/`"Infinity"`.
/// Such values are swapped for marker numbers before writing and the markers for the
/// strings after. Returns whether any were swapped.
fn mark_non_finite_wrappers(message: &mut DynamicMessage, depth: usize) -> bool {
    use prost_reflect::Value;
    if depth > 100 {
        return false;
    }
    let wrapper = message.descriptor().full_name().to_string();
    if wrapper == "google.protobuf.DoubleValue" || wrapper == "google.protobuf.FloatValue" {
        let Some(value) = message.get_field_by_name_mut("value") else { return false };
        return match value {
            Value::F64(v) if !v.is_finite() => {
                *v = f64_marker(*v);
                true
            }
            Value::F32(v) if !v.is_finite() => {
                *v = f32_marker(*v);
                true
            }
            _ => false,
        };
    }
    let mut replaced = false;
    for (_, value) in message.fields_mut() {
        match value {
            Value::Message(inner) => replaced |= mark_non_finite_wrappers(inner, depth + 1),
            Value::List(items) => {
                for item in items {
                    if let Value::Message(inner) = item {
                        replaced |= mark_non_finite_wrappers(inner, depth + 1);
                    }
                }
            }
            Value::Map(entries) => {
                for item in entries.values_mut() {
                    if let Value::Message(inner) = item {
                        replaced |= mark_non_finite_wrappers(inner, depth + 1);
                    }
                }
            }
            _ => {}
        }
    }
    replaced
}

/// Marker numbers: the largest finite values with low bits set that no sensible data has.
fn f64_marker(value: f64) -> f64 {
    let slot = if value.is_nan() {
        1
    } else if value > 0.0 {
        2
    } else {
        3
    };
    f64::from_bits(0x7fef_ffff_ffff_ff00 | slot)
}

fn f32_marker(value: f32) -> f32 {
    let slot = if value.is_nan() {
        1
    } else if value > 0.0 {
        2
    } else {
        3
    };
    f32::from_bits(0x7f7f_ff00 | slot)
}

/// Each marker as serde_json writes it, with the JSON text it stands for.
fn non_finite_markers() -> Vec<(String, &'static str)> {
    let mut out = Vec::new();
    for (value, text) in
        [(f64::NAN, "\"NaN\""), (f64::INFINITY, "\"Infinity\""), (f64::NEG_INFINITY, "\"-Infinity\"")]
    {
        out.push((serde_json::to_string(&f64_marker(value)).unwrap_or_default(), text));
        #[allow(clippy::cast_possible_truncation)] // the f32 of the same kind
        out.push((serde_json::to_string(&f32_marker(value as f32)).unwrap_or_default(), text));
    }
    out
}

/// A message from its proto3 JSON form, encoded; the error says which field is wrong.
pub fn encode(message: &MessageDescriptor, json: &str) -> Result<Vec<u8>, String> {
    let mut deserializer = serde_json::Deserializer::from_str(json);
    let decoded = DynamicMessage::deserialize(message.clone(), &mut deserializer)
        .map_err(|e| format!("the value is not a valid `{}`: {e}", message.full_name()))?;
    Ok(prost::Message::encode_to_vec(&decoded))
}

/// A file from `.proto` text, or from a base64 serialized descriptor.
fn open(name: &str, text: &str) -> Result<File, String> {
    match File::from_source(name, text) {
        Ok(file) => Ok(file),
        Err(parse_error) => {
            let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(compact)
                .map_err(|_| format!("the Protobuf schema `{name}` does not parse: {parse_error}"))?;
            let mut file = File::decode_file_descriptor_proto(bytes.as_slice()).map_err(|e| {
                format!("the Protobuf schema `{name}` is neither .proto text nor a descriptor: {e}")
            })?;
            // The descriptor carries the producer's file name; imports find it by ours.
            let mut descriptor = file.file_descriptor_proto().clone();
            descriptor.name = Some(name.to_string());
            file = File::from_file_descriptor_proto(descriptor);
            Ok(file)
        }
    }
}

struct Files(HashMap<String, File>);

impl FileResolver for Files {
    fn open_file(&self, name: &str) -> Result<File, protox::Error> {
        self.0.get(name).cloned().ok_or_else(|| protox::Error::file_not_found(name))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ORDER: &str = r#"
        syntax = "proto3";
        package shop;
        import "google/protobuf/timestamp.proto";
        import "common/money.proto";
        message Unused { string x = 1; }
        message Order {
          string id = 1;
          int64 cents = 2;
          google.protobuf.Timestamp at = 3;
          common.Money total = 4;
          message Line { string sku = 1; }
          repeated Line lines = 5;
          oneof contact { string email = 6; string phone = 7; }
        }
    "#;
    const MONEY: &str =
        r#"syntax = "proto3"; package common; message Money { string currency = 1; sint64 units = 2; }"#;

    #[test]
    fn decodes_a_message_with_imports_nested_types_and_well_known_types() {
        let schema = ProtoSchema::compile(ORDER, &[("common/money.proto".into(), MONEY.into())]).unwrap();
        let order = schema.message(&[1]).unwrap();
        assert_eq!(order.full_name(), "shop.Order");
        // id="A1", cents=1500, at={seconds: 1700000000}, total={currency "EUR", units -3}, lines=[{sku "x"}], email
        let mut bytes = vec![0x0a, 2, b'A', b'1', 0x10, 0xdc, 0x0b];
        bytes.extend([0x1a, 6, 0x08, 0x80, 0xe2, 0xcf, 0xaa, 0x06]);
        bytes.extend([0x22, 7, 0x0a, 3, b'E', b'U', b'R', 0x10, 5]);
        bytes.extend([0x2a, 3, 0x0a, 1, b'x']);
        bytes.extend([0x32, 3, b'a', b'@', b'b']);
        let json = decode(&order, &bytes).unwrap();
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(
            value,
            serde_json::json!({"id": "A1", "cents": "1500", "at": "2023-11-14T22:13:20Z",
                "total": {"currency": "EUR", "units": "-3"}, "lines": [{"sku": "x"}], "email": "a@b"})
        );
        assert_eq!(schema.message(&[1, 0]).unwrap().full_name(), "shop.Order.Line");
        assert!(schema.message(&[2]).unwrap_err().contains("out of range: the schema has 2"));
        assert!(decode(&order, &[0x0a, 9, b'A']).unwrap_err().contains("not a valid `shop.Order`"));
    }

    #[test]
    fn a_base64_descriptor_works_like_proto_text() {
        let text = ProtoSchema::compile(MONEY, &[]).unwrap();
        let file = text.pool.get_file_by_name(ROOT_FILE).unwrap();
        let encoded = base64::engine::general_purpose::STANDARD
            .encode(prost::Message::encode_to_vec(file.file_descriptor_proto()));
        let schema = ProtoSchema::compile(&encoded, &[]).unwrap();
        assert_eq!(schema.first_message_name().as_deref(), Some("common.Money"));
        assert!(ProtoSchema::compile("message {", &[]).unwrap_err().contains("does not parse"));
    }
}
