//! Schemas by id, fetched once and kept: ids are immutable in the registry, so a schema
//! once seen is used from the cache forever — in memory and in the app database, so an
//! outage (even across a restart) does not stop browsing of ids already seen. References are fetched transitively; the schema is compiled once.
//! A missing id is remembered for a short while so a page of such records asks once.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use super::avro_plan::AvroPlan;
use super::model::{SchemaReference, SchemaType};
use super::protobuf::ProtoSchema;
use super::registry::RegistryClient;
use crate::error::Error;
use crate::store::{CachedSchema, Store};

/// How long "not found" or "unreachable" is believed before the registry is asked again.
const RETRY_AFTER: Duration = Duration::from_secs(10);
/// The most schemas one schema may pull in through references.
const MAX_REFERENCES: usize = 200;

#[derive(Debug)]
pub enum Compiled {
    Avro(AvroPlan),
    Protobuf(ProtoSchema),
    Json,
}

/// A schema ready to decode with, and where it is registered.
#[derive(Debug)]
pub struct ResolvedSchema {
    pub id: u32,
    pub schema_type: SchemaType,
    pub subject: Option<Arc<str>>,
    pub version: Option<i32>,
    /// Why the schema cannot be used, when it does not compile.
    pub compiled: Result<Compiled, String>,
    /// The schema text and its references' (name, text), for reading its tags.
    pub text: String,
    pub references: Vec<(String, String)>,
}

pub struct SchemaResolver {
    client: RegistryClient,
    /// Where schemas outlive the process (the app database), when there is one.
    store: Option<Store>,
    cache: RwLock<HashMap<u32, Arc<ResolvedSchema>>>,
    failures: Mutex<HashMap<u32, (Instant, String)>>,
}

impl SchemaResolver {
    pub fn new(client: RegistryClient, store: Option<Store>) -> Self {
        Self { client, store, cache: RwLock::new(HashMap::new()), failures: Mutex::new(HashMap::new()) }
    }

    /// The last failure to reach the registry within the retry window, if any: the UI says
    /// it is working from the cache.
    pub fn recent_outage(&self) -> Option<String> {
        let failures = self.failures.lock().ok()?;
        failures
            .values()
            .filter(|(when, reason)| when.elapsed() < RETRY_AFTER && reason.contains("cannot be asked"))
            .max_by_key(|(when, _)| *when)
            .map(|(_, reason)| reason.clone())
    }

    pub fn client(&self) -> &RegistryClient {
        &self.client
    }

    /// How many schemas are cached.
    pub fn cached(&self) -> usize {
        self.cache.read().map(|c| c.len()).unwrap_or(0)
    }

    /// The schema with `id`, from the cache or the registry; `Err` says why it cannot be had.
    pub async fn get(&self, id: u32) -> Result<Arc<ResolvedSchema>, String> {
        if let Some(found) = self.cache.read().ok().and_then(|c| c.get(&id).cloned()) {
            return Ok(found);
        }
        if let Some(stored) = self.stored(id).await {
            return Ok(self.remember(id, stored));
        }
        if let Some(reason) = self.recent_failure(id) {
            return Err(reason);
        }
        match self.fetch(id).await {
            Ok(schema) => {
                if let Some(store) = &self.store {
                    if let Err(err) = store.cache_schema(self.client.url(), id, &schema).await {
                        tracing::warn!(id, %err, "schema not cached in the database");
                    }
                }
                Ok(self.remember(id, schema))
            }
            Err(err) => {
                let reason = match err {
                    Error::NotFound { .. } => format!("schema {id} not found in registry {}", self.client.url()),
                    other => format!(
                        "schema {id} is not in the cache and the registry cannot be asked: {other} ({} schemas cached)",
                        self.cached()
                    ),
                };
                if let Ok(mut failures) = self.failures.lock() {
                    failures.insert(id, (Instant::now(), reason.clone()));
                }
                Err(reason)
            }
        }
    }

    async fn stored(&self, id: u32) -> Option<CachedSchema> {
        self.store.as_ref()?.cached_schema(self.client.url(), id).await.ok().flatten()
    }

    /// Compiles a fetched or stored schema and keeps it in memory.
    fn remember(&self, id: u32, schema: CachedSchema) -> Arc<ResolvedSchema> {
        let resolved = Arc::new(ResolvedSchema {
            id,
            schema_type: schema.schema_type,
            compiled: compile(&schema),
            subject: schema.subject.map(Arc::from),
            version: schema.version,
            text: schema.schema,
            references: schema.references,
        });
        if let Ok(mut cache) = self.cache.write() {
            cache.insert(id, Arc::clone(&resolved));
        }
        resolved
    }

    fn recent_failure(&self, id: u32) -> Option<String> {
        let failures = self.failures.lock().ok()?;
        let (when, reason) = failures.get(&id)?;
        (when.elapsed() < RETRY_AFTER).then(|| reason.clone())
    }

    async fn fetch(&self, id: u32) -> Result<CachedSchema, Error> {
        let schema = self.client.schema_by_id(id).await?;
        let references = self.references(&schema.references).await?;
        // Where it is registered: nice to show, not needed to decode.
        let (subject, version) = match self.client.id_versions(id).await {
            Ok(versions) => versions.into_iter().next().map_or((None, None), |(s, v)| (Some(s), Some(v))),
            Err(_) => (None, None),
        };
        Ok(CachedSchema {
            schema_type: schema.schema_type,
            schema: schema.schema,
            references,
            subject,
            version,
        })
    }

    /// Every schema `direct` needs, transitively, as (reference name, schema text), deepest first.
    async fn references(&self, direct: &[SchemaReference]) -> Result<Vec<(String, String)>, Error> {
        let mut out: Vec<(String, String)> = Vec::new();
        let mut pending: Vec<SchemaReference> = direct.iter().rev().cloned().collect();
        let mut seen = std::collections::HashSet::new();
        while let Some(reference) = pending.pop() {
            if !seen.insert((reference.subject.clone(), reference.version)) {
                continue;
            }
            if seen.len() > MAX_REFERENCES {
                return Err(Error::invalid(format!(
                    "the schema pulls in more than {MAX_REFERENCES} references"
                )));
            }
            let version = self.client.version(&reference.subject, &reference.version.to_string()).await?;
            pending.extend(version.references.iter().cloned());
            out.push((reference.name, version.schema));
        }
        out.reverse();
        Ok(out)
    }
}

fn compile(schema: &CachedSchema) -> Result<Compiled, String> {
    match schema.schema_type {
        SchemaType::Avro => {
            let texts: Vec<String> = schema.references.iter().map(|(_, text)| text.clone()).collect();
            AvroPlan::compile(&schema.schema, &texts).map(Compiled::Avro)
        }
        SchemaType::Protobuf => {
            ProtoSchema::compile(&schema.schema, &schema.references).map(Compiled::Protobuf)
        }
        SchemaType::Json => Ok(Compiled::Json),
    }
}
