//! Fields a schema tags as sensitive, as JSON paths over the decoded record: Avro field
//! attributes (`"confluent:tags": ["PII"]`, or any attribute the policy lists), JSON Schema
//! properties (`"tags"`, `"x-pii": true`, …) and Protobuf field options
//! (`[(confluent.field_meta).tags = "PII"]`, or a bool option named like an attribute).
//! A tagged field is masked wherever its schema is used, with no per-topic rule.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use super::paths::PathPattern;

/// Which schema attributes mark a field, and which of their values count.
#[derive(Debug, Clone)]
pub struct TagConfig {
    /// Attribute names: `confluent:tags`, `tags`, `x-pii`, …
    pub attributes: Vec<String>,
    /// Tag values (case-insensitive): `PII`, `SENSITIVE`, …
    pub tags: Vec<String>,
}

impl TagConfig {
    /// Does this attribute value tag the field? `true`, a listed tag, or a list holding one.
    fn tags_value(&self, value: &Value) -> bool {
        match value {
            Value::Bool(b) => *b,
            Value::String(s) => self.tags.iter().any(|t| t.eq_ignore_ascii_case(s)),
            Value::Array(items) => items.iter().any(|v| self.tags_value(v)),
            _ => false,
        }
    }

    fn tagged(&self, object: &serde_json::Map<String, Value>) -> bool {
        self.attributes.iter().any(|a| object.get(a).is_some_and(|v| self.tags_value(v)))
    }
}

/// The tagged paths of an Avro schema (with the texts of the schemas it references).
pub fn avro_paths(
    schema: &str,
    references: &[String],
    config: &TagConfig,
) -> Result<Vec<PathPattern>, String> {
    let main: Value = serde_json::from_str(schema).map_err(|e| format!("Avro schema is not JSON: {e}"))?;
    let parsed: Vec<Value> = references.iter().filter_map(|text| serde_json::from_str(text).ok()).collect();
    let mut named = HashMap::new();
    for reference in &parsed {
        collect_avro_names(reference, None, &mut named);
    }
    collect_avro_names(&main, None, &mut named);
    let mut walk = AvroWalk { named: &named, config, out: Vec::new(), stack: Vec::new() };
    walk.visit(&main, "$", None);
    walk.out.iter().map(|p| PathPattern::parse(p)).collect()
}

fn full_name(object: &serde_json::Map<String, Value>, namespace: Option<&str>) -> Option<String> {
    let name = object.get("name")?.as_str()?;
    if name.contains('.') {
        return Some(name.to_string());
    }
    let ns = object.get("namespace").and_then(Value::as_str).or(namespace);
    Some(match ns {
        Some(ns) if !ns.is_empty() => format!("{ns}.{name}"),
        _ => name.to_string(),
    })
}

fn collect_avro_names<'a>(schema: &'a Value, namespace: Option<&str>, out: &mut HashMap<String, &'a Value>) {
    match schema {
        Value::Array(branches) => branches.iter().for_each(|b| collect_avro_names(b, namespace, out)),
        Value::Object(object) => {
            let kind = object.get("type").and_then(Value::as_str).unwrap_or_default();
            let mut ns = namespace.map(str::to_string);
            if matches!(kind, "record" | "error" | "enum" | "fixed") {
                if let Some(name) = full_name(object, namespace) {
                    ns = name.rsplit_once('.').map(|(n, _)| n.to_string());
                    out.insert(name.clone(), schema);
                    // Also reachable by its short name inside its namespace.
                    if let Some((_, short)) = name.rsplit_once('.') {
                        out.entry(short.to_string()).or_insert(schema);
                    }
                }
            }
            if let Some(Value::Array(fields)) = object.get("fields") {
                for field in fields {
                    if let Some(t) = field.get("type") {
                        collect_avro_names(t, ns.as_deref(), out);
                    }
                }
            }
            for key in ["items", "values", "type"] {
                if let Some(inner) = object.get(key).filter(|v| !v.is_string() || key != "type") {
                    collect_avro_names(inner, ns.as_deref(), out);
                }
            }
        }
        _ => {}
    }
}

struct AvroWalk<'a> {
    named: &'a HashMap<String, &'a Value>,
    config: &'a TagConfig,
    out: Vec<String>,
    /// Named types being walked: a recursive record is walked once, and its tagged fields
    /// are then matched at any depth below (`..name`).
    stack: Vec<String>,
}

impl AvroWalk<'_> {
    fn visit(&mut self, schema: &Value, prefix: &str, namespace: Option<&str>) {
        match schema {
            Value::String(name) => {
                let resolved = self
                    .named
                    .get(name.as_str())
                    .or_else(|| namespace.and_then(|ns| self.named.get(&format!("{ns}.{name}"))))
                    .copied();
                if let Some(named) = resolved {
                    self.visit(named, prefix, namespace);
                }
            }
            Value::Array(branches) => branches.iter().for_each(|b| self.visit(b, prefix, namespace)),
            Value::Object(object) => match object.get("type") {
                Some(Value::String(kind)) if kind == "array" => {
                    if let Some(items) = object.get("items") {
                        self.visit(items, &format!("{prefix}[*]"), namespace);
                    }
                }
                Some(Value::String(kind)) if kind == "map" => {
                    if let Some(values) = object.get("values") {
                        self.visit(values, &format!("{prefix}.*"), namespace);
                    }
                }
                Some(Value::String(kind)) if kind == "record" || kind == "error" => {
                    let name = full_name(object, namespace).unwrap_or_default();
                    if self.stack.contains(&name) {
                        for field in tagged_names_below(schema, self.named, self.config) {
                            self.out.push(format!("{prefix}..{field}"));
                        }
                        return;
                    }
                    let ns = name.rsplit_once('.').map(|(n, _)| n.to_string());
                    self.stack.push(name);
                    if let Some(Value::Array(fields)) = object.get("fields") {
                        for field in fields.iter().filter_map(Value::as_object) {
                            let Some(field_name) = field.get("name").and_then(Value::as_str) else {
                                continue;
                            };
                            let path = format!("{prefix}.{}", quoted(field_name));
                            if self.config.tagged(field) {
                                self.out.push(path);
                            } else if let Some(t) = field.get("type") {
                                self.visit(t, &path, ns.as_deref());
                            }
                        }
                    }
                    self.stack.pop();
                }
                Some(inner @ (Value::Object(_) | Value::Array(_))) => self.visit(inner, prefix, namespace),
                _ => {}
            },
            _ => {}
        }
    }
}

/// Names of the tagged fields anywhere under a (recursive) record.
fn tagged_names_below(
    schema: &Value,
    named: &HashMap<String, &Value>,
    config: &TagConfig,
) -> HashSet<String> {
    let mut out = HashSet::new();
    let mut seen = HashSet::new();
    let mut todo = vec![schema];
    while let Some(next) = todo.pop() {
        match next {
            Value::String(name) if seen.insert(name.clone()) => {
                if let Some(found) = named.get(name.as_str()) {
                    todo.push(found);
                }
            }
            Value::Array(items) => todo.extend(items),
            Value::Object(object) => {
                if let Some(name) = object.get("name").and_then(Value::as_str) {
                    if object.contains_key("fields") && !seen.insert(name.to_string()) && next != schema {
                        continue;
                    }
                }
                if let Some(Value::Array(fields)) = object.get("fields") {
                    for field in fields.iter().filter_map(Value::as_object) {
                        if config.tagged(field) {
                            if let Some(name) = field.get("name").and_then(Value::as_str) {
                                out.insert(quoted(name));
                            }
                        }
                        if let Some(t) = field.get("type") {
                            todo.push(t);
                        }
                    }
                }
                for key in ["items", "values"] {
                    if let Some(inner) = object.get(key) {
                        todo.push(inner);
                    }
                }
                if let Some(inner @ (Value::Object(_) | Value::Array(_))) = object.get("type") {
                    todo.push(inner);
                }
            }
            _ => {}
        }
    }
    out
}

/// A field name as a path step: bare when it is a plain identifier, else `['quoted']`.
fn quoted(name: &str) -> String {
    if name.chars().all(|c| c.is_alphanumeric() || c == '_') {
        name.to_string()
    } else {
        format!("['{name}']")
    }
}

/// The tagged paths of a JSON Schema (local `$ref`s into `$defs`/`definitions` followed).
pub fn json_schema_paths(schema: &str, config: &TagConfig) -> Result<Vec<PathPattern>, String> {
    let root: Value = serde_json::from_str(schema).map_err(|e| format!("JSON Schema is not JSON: {e}"))?;
    let mut out = Vec::new();
    json_visit(&root, &root, "$", config, &mut vec!["#".to_string()], &mut out);
    out.iter().map(|p| PathPattern::parse(p)).collect()
}

fn json_visit(
    node: &Value,
    root: &Value,
    prefix: &str,
    config: &TagConfig,
    refs: &mut Vec<String>,
    out: &mut Vec<String>,
) {
    let Some(object) = node.as_object() else {
        return;
    };
    if let Some(reference) = object.get("$ref").and_then(Value::as_str) {
        if refs.iter().any(|r| r == reference) {
            // Recursive: tagged properties of the referenced schema, at any depth below.
            // (Walked once more with every reference marked seen, so it stops there.)
            let mut names = Vec::new();
            if let (Some(target), false) = (resolve_ref(root, reference), prefix.contains(EXPANDING)) {
                json_visit(target, root, EXPANDING, config, refs, &mut names);
            }
            for name in names {
                if let Some(last) = name.rsplit('.').next() {
                    out.push(format!("{prefix}..{last}"));
                }
            }
            return;
        }
        if let Some(target) = resolve_ref(root, reference) {
            refs.push(reference.to_string());
            json_visit(target, root, prefix, config, refs, out);
            refs.pop();
        }
    }
    if let Some(Value::Object(properties)) = object.get("properties") {
        for (name, property) in properties {
            let path = format!("{prefix}.{}", quoted(name));
            if property.as_object().is_some_and(|p| config.tagged(p)) {
                out.push(path);
            } else {
                json_visit(property, root, &path, config, refs, out);
            }
        }
    }
    if let Some(items) = object.get("items") {
        json_visit(items, root, &format!("{prefix}[*]"), config, refs, out);
    }
    if let Some(extra @ Value::Object(_)) = object.get("additionalProperties") {
        json_visit(extra, root, &format!("{prefix}.*"), config, refs, out);
    }
    for key in ["allOf", "anyOf", "oneOf"] {
        if let Some(Value::Array(branches)) = object.get(key) {
            for branch in branches {
                json_visit(branch, root, prefix, config, refs, out);
            }
        }
    }
}

/// The prefix of a walk that only collects the tagged names below a recursive reference.
const EXPANDING: &str = "$expanding";

fn resolve_ref<'a>(root: &'a Value, reference: &str) -> Option<&'a Value> {
    let pointer = reference.strip_prefix('#')?;
    root.pointer(pointer)
}

/// The tagged fields of a Protobuf message, as JSON paths over its proto3 JSON form.
pub fn protobuf_paths(message: &prost_reflect::MessageDescriptor, config: &TagConfig) -> Vec<PathPattern> {
    let mut out = Vec::new();
    proto_visit(message, "$", config, &mut Vec::new(), &mut out);
    out.iter().filter_map(|p| PathPattern::parse(p).ok()).collect()
}

fn proto_visit(
    message: &prost_reflect::MessageDescriptor,
    prefix: &str,
    config: &TagConfig,
    stack: &mut Vec<String>,
    out: &mut Vec<String>,
) {
    if stack.iter().any(|s| s == message.full_name()) {
        let mut names = Vec::new();
        if !prefix.contains(EXPANDING) {
            proto_visit(message, EXPANDING, config, &mut Vec::new(), &mut names);
        }
        for name in names {
            if let Some(last) = name.rsplit('.').next() {
                out.push(format!("{prefix}..{last}"));
            }
        }
        return;
    }
    stack.push(message.full_name().to_string());
    for field in message.fields() {
        let mut path = format!("{prefix}.{}", quoted(field.json_name()));
        if field.is_list() {
            path.push_str("[*]");
        } else if field.is_map() {
            path.push_str(".*");
        }
        if proto_field_tagged(&field, config) {
            out.push(format!("{prefix}.{}", quoted(field.json_name())));
            continue;
        }
        let kind = if field.is_map() {
            match field.kind().as_message().map(|entry| entry.map_entry_value_field().kind()) {
                Some(value_kind) => value_kind,
                None => continue,
            }
        } else {
            field.kind()
        };
        if let prost_reflect::Kind::Message(inner) = kind {
            if !inner.full_name().starts_with("google.protobuf.") {
                proto_visit(&inner, &path, config, stack, out);
            }
        }
    }
    stack.pop();
}

/// `[(confluent.field_meta).tags = "PII"]`, or any option extension named like a configured
/// attribute whose value tags the field.
fn proto_field_tagged(field: &prost_reflect::FieldDescriptor, config: &TagConfig) -> bool {
    let options = field.options();
    let tagged = options.extensions().any(|(extension, value)| {
        let name = extension.name();
        let json = proto_value_json(value);
        if extension.full_name() == "confluent.field_meta" {
            return json.get("tags").is_some_and(|t| config.tags_value(t));
        }
        config.attributes.iter().any(|a| a == name || a == extension.full_name()) && config.tags_value(&json)
    });
    tagged
}

fn proto_value_json(value: &prost_reflect::Value) -> Value {
    use prost_reflect::Value as P;
    match value {
        P::Bool(b) => Value::Bool(*b),
        P::String(s) => Value::String(s.clone()),
        P::List(items) => Value::Array(items.iter().map(proto_value_json).collect()),
        P::Message(message) => {
            let mut object = serde_json::Map::new();
            for (field, value) in message.fields() {
                object.insert(field.name().to_string(), proto_value_json(value));
            }
            Value::Object(object)
        }
        _ => Value::Null,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> TagConfig {
        TagConfig {
            attributes: vec!["confluent:tags".into(), "tags".into(), "x-pii".into()],
            tags: vec!["PII".into()],
        }
    }

    fn texts(paths: &[PathPattern]) -> Vec<&str> {
        let mut out: Vec<&str> = paths.iter().map(PathPattern::as_str).collect();
        out.sort_unstable();
        out
    }

    #[test]
    fn avro_tags_through_records_unions_arrays_maps_references_and_recursion() {
        let address = r#"{"type":"record","name":"Address","namespace":"acme","fields":[
            {"name":"street","type":"string","confluent:tags":["PII"]},{"name":"city","type":"string"}]}"#;
        let schema = r#"{"type":"record","name":"Customer","namespace":"acme","fields":[
            {"name":"id","type":"long"},
            {"name":"email","type":["null","string"],"confluent:tags":["PII"]},
            {"name":"home","type":["null","acme.Address"]},
            {"name":"cards","type":{"type":"array","items":{"type":"record","name":"Card","fields":[
                {"name":"number","type":"string","tags":["pii"]},{"name":"brand","type":"string"}]}}},
            {"name":"notes","type":{"type":"map","values":{"type":"record","name":"Note","fields":[
                {"name":"text","type":"string","x-pii":true}]}}},
            {"name":"referrer","type":["null","Customer"]},
            {"name":"public","type":"string","confluent:tags":["PUBLIC"]}]}"#;
        let paths = avro_paths(schema, &[address.to_string()], &config()).unwrap_or_default();
        assert_eq!(
            texts(&paths),
            [
                "$.cards[*].number",
                "$.email",
                "$.home.street",
                "$.notes.*.text",
                "$.referrer..email",
                "$.referrer..number",
                "$.referrer..street",
                "$.referrer..text",
            ]
        );
    }

    #[test]
    fn json_schema_tags_through_properties_items_and_refs() {
        let schema = r##"{"type":"object","properties":{
            "email":{"type":"string","tags":["PII"]},
            "lines":{"type":"array","items":{"$ref":"#/$defs/Line"}},
            "parent":{"$ref":"#"},
            "id":{"type":"integer"}},
            "$defs":{"Line":{"type":"object","properties":{"card":{"type":"string","x-pii":true}}}}}"##;
        let paths = json_schema_paths(schema, &config()).unwrap_or_default();
        assert_eq!(texts(&paths), ["$.email", "$.lines[*].card", "$.parent..card", "$.parent..email"]);
    }
}
