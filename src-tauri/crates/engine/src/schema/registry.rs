//! The Confluent Schema Registry REST API (the API Karapace, Redpanda and Apicurio's ccompat
//! also serve): subjects, versions, schemas by id with references, compatibility and mode,
//! compatibility checks and registration. Errors keep the registry's own words.

use serde_json::{json, Value};

use super::model::{
    CompatibilityReport, RegisteredId, SchemaDraft, SchemaReference, SchemaType, SubjectVersion,
};
use crate::error::{Error, Result};
use crate::probe::http::Service;
use crate::profile::HttpEndpoint;
use crate::rest::{RestClient, RestError};
use crate::secrets::ResolvedSecrets;

/// A schema as `/schemas/ids/{id}` returns it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemaById {
    pub schema_type: SchemaType,
    pub schema: String,
    pub references: Vec<SchemaReference>,
}

pub struct RegistryClient {
    rest: RestClient,
}

impl RegistryClient {
    pub fn new(endpoint: &HttpEndpoint, secrets: &ResolvedSecrets) -> Result<Self> {
        let rest = Service::Registry.client(endpoint, secrets).map_err(|f| Error::invalid(f.message))?;
        Ok(Self { rest })
    }

    pub fn url(&self) -> &str {
        self.rest.base_url()
    }

    pub async fn subjects(&self) -> Result<Vec<String>> {
        let value = self.get("subjects").await?;
        let mut subjects: Vec<String> = serde_json::from_value(value)
            .map_err(|_| self.garbage("/subjects did not return a list of subject names"))?;
        subjects.sort();
        Ok(subjects)
    }

    pub async fn versions(&self, subject: &str) -> Result<Vec<i32>> {
        let value = self.get(&format!("subjects/{}/versions", segment(subject))).await?;
        serde_json::from_value(value)
            .map_err(|_| self.garbage("the versions of a subject are not a list of numbers"))
    }

    /// `version`: a number or "latest".
    pub async fn version(&self, subject: &str, version: &str) -> Result<SubjectVersion> {
        let value = self.get(&format!("subjects/{}/versions/{}", segment(subject), segment(version))).await?;
        let number = |key: &str| value.get(key).and_then(Value::as_i64);
        let (Some(version), Some(id)) = (number("version"), number("id")) else {
            return Err(self.garbage("a subject version has no version or id"));
        };
        let by_id = self.schema_fields(&value)?;
        Ok(SubjectVersion {
            subject: value.get("subject").and_then(Value::as_str).unwrap_or(subject).to_string(),
            version: i32::try_from(version).unwrap_or(i32::MAX),
            id: u32::try_from(id).unwrap_or(u32::MAX),
            schema_type: by_id.schema_type,
            schema: by_id.schema,
            references: by_id.references,
        })
    }

    pub async fn schema_by_id(&self, id: u32) -> Result<SchemaById> {
        let value = self.get(&format!("schemas/ids/{id}")).await.map_err(|err| match err {
            Error::NotFound { .. } => Error::not_found(format!("Schema {id} not found in the registry.")),
            other => other,
        })?;
        self.schema_fields(&value)
    }

    /// The subject-versions that use schema `id` (empty when the registry does not say).
    pub async fn id_versions(&self, id: u32) -> Result<Vec<(String, i32)>> {
        let value = self.get(&format!("schemas/ids/{id}/versions")).await?;
        Ok(value
            .as_array()
            .map(|items| {
                items
                    .iter()
                    .filter_map(|item| {
                        let subject = item.get("subject")?.as_str()?.to_string();
                        let version = i32::try_from(item.get("version")?.as_i64()?).ok()?;
                        Some((subject, version))
                    })
                    .collect()
            })
            .unwrap_or_default())
    }

    /// The compatibility level of `subject` (or the global one), and whether it came from the global config.
    pub async fn compatibility(&self, subject: Option<&str>) -> Result<(String, bool)> {
        if let Some(subject) = subject {
            match self.get(&format!("config/{}", segment(subject))).await {
                Ok(value) => return Ok((level(&value, "compatibilityLevel"), false)),
                Err(Error::NotFound { .. }) => {}
                Err(other) => return Err(other),
            }
        }
        Ok((level(&self.get("config").await?, "compatibilityLevel"), true))
    }

    pub async fn mode(&self, subject: Option<&str>) -> Result<String> {
        if let Some(subject) = subject {
            match self.get(&format!("mode/{}", segment(subject))).await {
                Ok(value) => return Ok(level(&value, "mode")),
                Err(Error::NotFound { .. }) => {}
                Err(other) => return Err(other),
            }
        }
        match self.get("mode").await {
            Ok(value) => Ok(level(&value, "mode")),
            Err(Error::NotFound { .. }) => Ok("READWRITE".into()),
            Err(other) => Err(other),
        }
    }

    /// Would `draft` be accepted as the next version of `subject`?
    pub async fn check_compatibility(
        &self,
        subject: &str,
        draft: &SchemaDraft,
    ) -> Result<CompatibilityReport> {
        let path = format!("compatibility/subjects/{}/versions/latest?verbose=true", segment(subject));
        let value = match self.post(&path, &draft_body(draft)).await {
            Ok(value) => value,
            // A subject with no versions yet accepts anything.
            Err(Error::NotFound { .. }) => {
                return Ok(CompatibilityReport { compatible: true, messages: vec![] })
            }
            Err(other) => return Err(other),
        };
        let compatible = value.get("is_compatible").and_then(Value::as_bool).unwrap_or(false);
        let messages = value
            .get("messages")
            .and_then(Value::as_array)
            .map(|m| m.iter().map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string)).collect())
            .unwrap_or_default();
        Ok(CompatibilityReport { compatible, messages })
    }

    pub async fn register(&self, subject: &str, draft: &SchemaDraft) -> Result<RegisteredId> {
        let value = self.post(&format!("subjects/{}/versions", segment(subject)), &draft_body(draft)).await?;
        let id =
            value.get("id").and_then(Value::as_u64).ok_or_else(|| self.garbage("register returned no id"))?;
        Ok(RegisteredId { id: u32::try_from(id).unwrap_or(u32::MAX) })
    }

    fn schema_fields(&self, value: &Value) -> Result<SchemaById> {
        let schema = value
            .get("schema")
            .and_then(Value::as_str)
            .ok_or_else(|| self.garbage("a schema response has no `schema` text"))?
            .to_string();
        let references = match value.get("references") {
            None | Some(Value::Null) => vec![],
            Some(refs) => serde_json::from_value(refs.clone()).map_err(|_| {
                self.garbage("a schema's `references` are not {name, subject, version} objects")
            })?,
        };
        Ok(SchemaById {
            schema_type: SchemaType::parse(value.get("schemaType").and_then(Value::as_str)),
            schema,
            references,
        })
    }

    async fn get(&self, path: &str) -> Result<Value> {
        self.rest.get(path).await.map_err(|e| self.error(e))
    }

    async fn post(&self, path: &str, body: &Value) -> Result<Value> {
        self.rest.post(path, body).await.map_err(|e| self.error(e))
    }

    fn error(&self, err: RestError) -> Error {
        match err {
            RestError::Api { status: 404, message, .. } => {
                Error::not_found(format!("Schema Registry: {message}"))
            }
            RestError::Api { status: 409 | 422, message, .. } => {
                Error::invalid(format!("Schema Registry refused it: {message}"))
            }
            RestError::Api { status, code, message } => {
                let code = code.map(|c| format!(", error {c}")).unwrap_or_default();
                Error::unavailable(format!(
                    "Schema Registry at {} failed (HTTP {status}{code}): {message}",
                    self.url()
                ))
            }
            RestError::Failure(failure) => Error::unavailable(failure.message),
        }
    }

    fn garbage(&self, why: &str) -> Error {
        Error::unavailable(self.rest.wrong_service(why).message)
    }
}

fn draft_body(draft: &SchemaDraft) -> Value {
    let mut body = json!({ "schema": draft.schema });
    if draft.schema_type != SchemaType::Avro {
        body["schemaType"] = json!(draft.schema_type.as_str());
    }
    if !draft.references.is_empty() {
        body["references"] = json!(draft.references);
    }
    body
}

fn level(value: &Value, key: &str) -> String {
    value.get(key).and_then(Value::as_str).unwrap_or("UNKNOWN").to_string()
}

/// A path segment with `/`, `?`, `#`, `%` and spaces escaped (subject names may hold them).
fn segment(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~:@".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn subject_names_are_escaped_as_one_path_segment() {
        assert_eq!(super::segment("a.b-value"), "a.b-value");
        assert_eq!(super::segment("x/y z?#%"), "x%2Fy%20z%3F%23%25");
    }
}
