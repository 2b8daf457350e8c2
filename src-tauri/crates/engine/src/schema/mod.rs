//! Schemas: the Confluent Schema Registry client, the wire format, and the Avro, Protobuf
//! and JSON Schema decoders that fill the decode stage of the data path. Schemas are cached
//! by id (ids are immutable), so a registry outage does not stop browsing of ids already
//! seen. How decoded values are written is fixed in docs/decoding.md.

pub mod avro;
pub mod avro_encode;
pub mod avro_plan;
pub mod encode;
pub(crate) mod json_out;
pub mod model;
pub mod protobuf;
pub mod registry;
pub mod resolver;
pub mod wire;

pub use avro_plan::AvroPlan;
pub use model::{SchemaReference, SchemaType, SubjectVersion};
pub use registry::RegistryClient;
pub use resolver::SchemaResolver;
