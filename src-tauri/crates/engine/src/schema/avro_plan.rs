//! An Avro schema compiled for decoding: apache-avro parses the schema and its references
//! (named types defined in other registry subjects); this flattens it into a table of
//! nodes, named types by index, so recursive records and references cost one lookup.

use std::collections::HashMap;

use apache_avro::schema::{InnerDecimalSchema, Schema, UuidSchema};

pub(crate) type NodeId = usize;

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Node {
    Null,
    Boolean,
    Int,
    Long,
    Float,
    Double,
    Bytes,
    String,
    Array(NodeId),
    Map(NodeId),
    Union(Vec<NodeId>),
    /// Fields as (the key already written as a JSON string, node).
    Record {
        name: String,
        fields: Vec<(String, String, NodeId)>,
    },
    /// Symbols already written as JSON strings.
    Enum {
        name: String,
        symbols: Vec<String>,
    },
    Fixed {
        name: String,
        size: usize,
    },
    Decimal {
        scale: usize,
        fixed: Option<usize>,
    },
    UuidString,
    UuidBytes {
        fixed: bool,
    },
    Date,
    TimeMillis,
    TimeMicros,
    Timestamp(TimeUnit),
    LocalTimestamp(TimeUnit),
    Duration,
    BigDecimal,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TimeUnit {
    Millis,
    Micros,
    Nanos,
}

/// The compiled schema: `nodes[root]` is the writer's top-level type.
#[derive(Debug, Clone)]
pub struct AvroPlan {
    pub(crate) nodes: Vec<Node>,
    pub(crate) root: NodeId,
    /// The top-level type's name ("com.acme.Order"), or its kind for unnamed types.
    pub name: String,
}

impl AvroPlan {
    /// Compiles `schema`, resolving named types from `references` (each a schema's JSON text).
    pub fn compile(schema: &str, references: &[String]) -> Result<Self, String> {
        let (root, referenced) = Schema::parse_str_with_list(schema, references.iter())
            .map_err(|e| format!("the Avro schema does not parse: {e}"))?;
        let mut builder = Builder::default();
        for schema in referenced.iter().chain(std::iter::once(&root)) {
            builder.collect_names(schema);
        }
        let root_id = builder.node(&root)?;
        let name = root.name().map_or_else(|| kind_name(&root).to_string(), |n| n.fullname(None));
        Ok(Self { nodes: builder.nodes, root: root_id, name })
    }
}

#[derive(Default)]
struct Builder<'s> {
    nodes: Vec<Node>,
    named: HashMap<String, &'s Schema>,
    built: HashMap<String, NodeId>,
}

impl<'s> Builder<'s> {
    fn collect_names(&mut self, schema: &'s Schema) {
        if let Some(name) = named_type(schema) {
            if self.named.insert(name, schema).is_some() {
                return; // seen: a recursive type
            }
        }
        match schema {
            Schema::Array(array) => self.collect_names(&array.items),
            Schema::Map(map) => self.collect_names(&map.types),
            Schema::Union(union) => union.variants().iter().for_each(|v| self.collect_names(v)),
            Schema::Record(record) => record.fields.iter().for_each(|f| self.collect_names(&f.schema)),
            _ => {}
        }
    }

    fn node(&mut self, schema: &'s Schema) -> Result<NodeId, String> {
        let name = match schema {
            Schema::Ref { name } => {
                let fullname = name.fullname(None);
                if let Some(&id) = self.built.get(&fullname) {
                    return Ok(id);
                }
                let target = self.named.get(&fullname).copied().ok_or_else(|| {
                    format!("the Avro schema names the type `{fullname}`, which neither it nor its references define")
                })?;
                return self.node(target);
            }
            other => named_type(other),
        };
        if let Some(name) = &name {
            if let Some(&id) = self.built.get(name) {
                return Ok(id);
            }
        }
        // Reserve the slot first so a recursive reference finds it.
        let id = self.nodes.len();
        self.nodes.push(Node::Null);
        if let Some(name) = name {
            self.built.insert(name, id);
        }
        let node = match schema {
            Schema::Null => Node::Null,
            Schema::Boolean => Node::Boolean,
            Schema::Int => Node::Int,
            Schema::Long => Node::Long,
            Schema::Float => Node::Float,
            Schema::Double => Node::Double,
            Schema::Bytes => Node::Bytes,
            Schema::String => Node::String,
            Schema::Array(array) => Node::Array(self.node(&array.items)?),
            Schema::Map(map) => Node::Map(self.node(&map.types)?),
            Schema::Union(union) => {
                Node::Union(union.variants().iter().map(|v| self.node(v)).collect::<Result<_, _>>()?)
            }
            Schema::Record(record) => {
                let mut fields = Vec::with_capacity(record.fields.len());
                for field in &record.fields {
                    let mut key = String::with_capacity(field.name.len() + 3);
                    super::json_out::push_str(&mut key, &field.name);
                    key.push(':');
                    fields.push((field.name.clone(), key, self.node(&field.schema)?));
                }
                Node::Record { name: record.name.fullname(None), fields }
            }
            Schema::Enum(e) => Node::Enum {
                name: e.name.fullname(None),
                symbols: e
                    .symbols
                    .iter()
                    .map(|s| {
                        let mut quoted = String::new();
                        super::json_out::push_str(&mut quoted, s);
                        quoted
                    })
                    .collect(),
            },
            Schema::Fixed(f) => Node::Fixed { name: f.name.fullname(None), size: f.size },
            Schema::Decimal(d) => Node::Decimal {
                scale: d.scale,
                fixed: match &d.inner {
                    InnerDecimalSchema::Bytes => None,
                    InnerDecimalSchema::Fixed(f) => Some(f.size),
                },
            },
            Schema::BigDecimal => Node::BigDecimal,
            Schema::Uuid(UuidSchema::String) => Node::UuidString,
            Schema::Uuid(UuidSchema::Bytes) => Node::UuidBytes { fixed: false },
            Schema::Uuid(UuidSchema::Fixed(_)) => Node::UuidBytes { fixed: true },
            Schema::Date => Node::Date,
            Schema::TimeMillis => Node::TimeMillis,
            Schema::TimeMicros => Node::TimeMicros,
            Schema::TimestampMillis => Node::Timestamp(TimeUnit::Millis),
            Schema::TimestampMicros => Node::Timestamp(TimeUnit::Micros),
            Schema::TimestampNanos => Node::Timestamp(TimeUnit::Nanos),
            Schema::LocalTimestampMillis => Node::LocalTimestamp(TimeUnit::Millis),
            Schema::LocalTimestampMicros => Node::LocalTimestamp(TimeUnit::Micros),
            Schema::LocalTimestampNanos => Node::LocalTimestamp(TimeUnit::Nanos),
            Schema::Duration(_) => Node::Duration,
            Schema::Ref { .. } => unreachable_ref(),
        };
        self.nodes[id] = node;
        Ok(id)
    }
}

/// `Schema::Ref` returns early in `node`; this keeps the match exhaustive without a panic.
fn unreachable_ref() -> Node {
    Node::Null
}

fn named_type(schema: &Schema) -> Option<String> {
    match schema {
        Schema::Record(r) => Some(r.name.fullname(None)),
        Schema::Enum(e) => Some(e.name.fullname(None)),
        Schema::Fixed(f) => Some(f.name.fullname(None)),
        _ => None,
    }
}

fn kind_name(schema: &Schema) -> &'static str {
    match schema {
        Schema::Array(_) => "array",
        Schema::Map(_) => "map",
        Schema::Union(_) => "union",
        Schema::String => "string",
        Schema::Bytes => "bytes",
        Schema::Int | Schema::Long => "number",
        _ => "value",
    }
}
