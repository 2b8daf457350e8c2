//! The decode stage of the data path: key and value each decoded independently — Confluent
//! wire format through the connection's Schema Registry (Avro, Protobuf, JSON Schema), else
//! auto-detection — or with the decoder a topic pins. Every payload says which decoder and
//! which schema produced it; one that cannot be decoded says precisely why and is marked
//! `failed`, and the rest of the page still shows.

use std::collections::HashMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::decode::{decode_auto_within, decoded, hex_payload, PREVIEW_LIMIT};
use super::record::{Payload, PayloadFormat, SchemaTag};
use crate::mask::{schema_tags, PathPattern, TagConfig};
use crate::schema::resolver::{Compiled, ResolvedSchema};
use crate::schema::{avro, protobuf, wire, SchemaResolver, SchemaType};

/// How one side (key or value) of a topic's records is decoded.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DecoderChoice {
    /// Confluent wire format through the registry, else JSON, UTF-8, MessagePack or hex.
    #[default]
    Auto,
    /// Confluent wire format only: anything else is an error.
    Registry,
    Json,
    #[serde(rename = "utf-8")]
    Text,
    Msgpack,
    Hex,
}

/// The decoders pinned for a topic's keys and values.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TopicDecoders {
    pub key: DecoderChoice,
    pub value: DecoderChoice,
}

/// Decodes the records of one scan. Owned by the scan's thread: the schemas it has used
/// are kept locally, so the registry's cache is asked once per schema id per scan.
pub struct DecodeStage {
    registry: Option<Arc<SchemaResolver>>,
    runtime: Option<tokio::runtime::Handle>,
    decoders: TopicDecoders,
    /// The most text a payload keeps (pages); `usize::MAX` for files and the CLI.
    limit: usize,
    seen: HashMap<u32, Result<Arc<ResolvedSchema>, String>>,
    buffer: String,
}

impl DecodeStage {
    /// A stage for one scan; call from inside the Tokio runtime (the registry is asked on it).
    pub fn new(registry: Option<Arc<SchemaResolver>>, decoders: TopicDecoders, whole: bool) -> Self {
        Self {
            registry,
            runtime: tokio::runtime::Handle::try_current().ok(),
            decoders,
            limit: if whole { usize::MAX } else { PREVIEW_LIMIT },
            seen: HashMap::new(),
            buffer: String::new(),
        }
    }

    /// A stage without a registry, for tests and tools outside the runtime.
    pub fn detached() -> Self {
        Self::new(None, TopicDecoders::default(), false)
    }

    /// The paths schema `id` (already used by this scan) tags as sensitive.
    pub fn tagged_paths(&self, id: u32, config: &TagConfig) -> Result<Vec<PathPattern>, String> {
        let schema = match self.seen.get(&id) {
            Some(Ok(schema)) => schema,
            Some(Err(reason)) => return Err(reason.clone()),
            None => return Err(format!("schema {id} was not used to decode this record")),
        };
        match (&schema.compiled, schema.schema_type) {
            (Ok(Compiled::Protobuf(proto)), _) => {
                Ok(proto.all_messages().iter().flat_map(|m| schema_tags::protobuf_paths(m, config)).collect())
            }
            (_, SchemaType::Avro) => {
                let references: Vec<String> = schema.references.iter().map(|(_, t)| t.clone()).collect();
                schema_tags::avro_paths(&schema.text, &references, config)
            }
            (_, SchemaType::Json) => schema_tags::json_schema_paths(&schema.text, config),
            (_, SchemaType::Protobuf) => Ok(Vec::new()),
        }
    }

    pub fn key(&mut self, bytes: Option<&[u8]>) -> Payload {
        self.decode(bytes, self.decoders.key)
    }

    pub fn value(&mut self, bytes: Option<&[u8]>) -> Payload {
        self.decode(bytes, self.decoders.value)
    }

    /// Header values: auto-detected.
    pub fn header(&self, bytes: Option<&[u8]>) -> Payload {
        decode_auto_within(bytes, self.limit)
    }

    fn decode(&mut self, bytes: Option<&[u8]>, choice: DecoderChoice) -> Payload {
        let Some(raw) = bytes else {
            return Payload::null();
        };
        match choice {
            DecoderChoice::Auto => match wire::confluent_frame(raw) {
                Some((id, body)) => self.registry_decode(raw, id, body),
                None => decode_auto_within(bytes, self.limit),
            },
            DecoderChoice::Registry => match wire::confluent_frame(raw) {
                Some((id, body)) => self.registry_decode(raw, id, body),
                None => self.failure(
                    raw,
                    format!("Not in the Schema Registry wire format: {}.", wire::not_framed_reason(raw)),
                ),
            },
            DecoderChoice::Json => match serde_json::from_slice::<serde::de::IgnoredAny>(raw) {
                Ok(_) => decode_auto_within(bytes, self.limit),
                Err(err) => self.failure(raw, format!("Not JSON: {err}.")),
            },
            DecoderChoice::Text => match std::str::from_utf8(raw) {
                Ok(text) => self.bounded(raw.len(), PayloadFormat::Text, text.to_string(), "utf-8"),
                Err(err) => {
                    self.failure(raw, format!("Not UTF-8 text: invalid byte at {}.", err.valid_up_to()))
                }
            },
            DecoderChoice::Msgpack => {
                let payload = decode_auto_within(bytes, self.limit);
                if payload.decoder == "msgpack" {
                    payload
                } else {
                    self.failure(raw, "Not MessagePack: the bytes are not one complete map or array.".into())
                }
            }
            DecoderChoice::Hex => hex_payload(raw, self.limit),
        }
    }

    fn registry_decode(&mut self, raw: &[u8], id: u32, body: &[u8]) -> Payload {
        let schema = match self.schema(id) {
            Ok(schema) => schema,
            Err(reason) => return self.failure(raw, capitalize(&reason)),
        };
        let tag = SchemaTag {
            id,
            schema_type: schema.schema_type,
            subject: schema.subject.clone(),
            version: schema.version,
        };
        let outcome = match &schema.compiled {
            Err(reason) => Err(format!("Schema {id} cannot be used: {reason}.")),
            Ok(Compiled::Avro(plan)) => {
                self.buffer.clear();
                match avro::decode(plan, body, &mut self.buffer) {
                    Ok(0) => Ok((std::mem::take(&mut self.buffer), "avro", None)),
                    Ok(extra) => Ok((
                        std::mem::take(&mut self.buffer),
                        "avro",
                        Some(format!("{extra} bytes follow the record and were not read.")),
                    )),
                    Err(err) => Err(format!("Avro schema {id}: {}.", err.message(&plan.name))),
                }
            }
            Ok(Compiled::Protobuf(proto)) => wire::protobuf_indexes(body)
                .and_then(|(indexes, message)| {
                    let descriptor = proto.message(&indexes)?;
                    protobuf::decode(&descriptor, message)
                })
                .map(|json| (json, "protobuf", None))
                .map_err(|reason| format!("Protobuf schema {id}: {reason}.")),
            Ok(Compiled::Json) => match std::str::from_utf8(body) {
                Ok(text) if serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok() => {
                    let mut payload = decode_auto_within(Some(body), usize::MAX);
                    Ok((payload.text.take().unwrap_or_default(), "json-schema", None))
                }
                _ => Err(format!("JSON Schema {id}: the payload after the schema id is not JSON.")),
            },
        };
        match outcome {
            Ok((json, decoder, note)) => {
                let mut payload = self.bounded(raw.len(), PayloadFormat::Json, json, decoder);
                payload.schema = Some(tag);
                if note.is_some() {
                    payload.note = note;
                }
                payload
            }
            Err(reason) => {
                let mut payload = self.failure(raw, reason);
                payload.schema = Some(tag);
                payload
            }
        }
    }

    fn schema(&mut self, id: u32) -> Result<Arc<ResolvedSchema>, String> {
        if let Some(found) = self.seen.get(&id) {
            return found.clone();
        }
        let found = match &self.registry {
            None => Err(format!(
                "the payload names schema {id} (Confluent wire format), but this connection has no Schema Registry"
            )),
            Some(registry) => match &self.runtime {
                Some(runtime) => runtime.block_on(registry.get(id)),
                None => Err("the registry cannot be asked outside the engine's runtime".to_string()),
            },
        };
        self.seen.insert(id, found.clone());
        found
    }

    /// Decoded text, cut to the stage's limit (a cut JSON preview is marked truncated).
    fn bounded(
        &self,
        size: usize,
        format: PayloadFormat,
        mut text: String,
        decoder: &'static str,
    ) -> Payload {
        let truncated = text.len() > self.limit;
        if truncated {
            let mut end = self.limit;
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            text.truncate(end);
        }
        let mut payload = decoded(size, format, text, decoder);
        if truncated {
            payload.truncated = true;
            payload.note = Some(format!("Large value: showing the first {} KiB.", self.limit / 1024));
        }
        payload
    }

    fn failure(&self, raw: &[u8], reason: String) -> Payload {
        let mut payload = hex_payload(raw, self.limit);
        payload.failed = true;
        payload.note = Some(reason);
        payload
    }
}

fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    let mut out: String = chars.next().map(|c| c.to_uppercase().collect()).unwrap_or_default();
    out.push_str(chars.as_str());
    if !out.ends_with('.') {
        out.push('.');
    }
    out
}
