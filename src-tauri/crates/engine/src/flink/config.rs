//! Configuration: the job's execution config (`/jobs/:jid/config`) and the job manager's
//! (`/jobmanager/config`), with values of secret-looking keys hidden even where Flink
//! itself would show them.

use serde_json::Value;

use super::client::{id_segment, FlinkClient};
use super::json::{field, flatten, text};
use super::model::{ConfigPair, JobConfiguration};
use crate::error::Result;

const HIDDEN: &str = "******";

impl FlinkClient {
    pub async fn job_configuration(&self, job: &str) -> Result<JobConfiguration> {
        let job = id_segment("job", job)?;
        let path = format!("jobs/{job}/config");
        let (job_config, manager) = tokio::join!(self.get(&path), self.get_optional("jobmanager/config"));
        let mut notes = Vec::new();
        let manager = manager.unwrap_or_else(|e| {
            notes.push(format!("The job manager configuration is not available: {e}"));
            None
        });
        Ok(parse_configuration(&job_config?, manager.as_ref(), notes))
    }
}

pub(crate) fn parse_configuration(
    job: &Value,
    manager: Option<&Value>,
    notes: Vec<String>,
) -> JobConfiguration {
    let execution = field(job, &["execution-config", "execution_config"]).unwrap_or(job);
    let job = flatten(execution).into_iter().map(|(key, value)| pair(key, value)).collect();
    let mut job_manager: Vec<ConfigPair> = manager
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
        .filter_map(|entry| Some(pair(text(entry, &["key"])?, text(entry, &["value"]).unwrap_or_default())))
        .collect();
    job_manager.sort_by(|a, b| a.key.cmp(&b.key));
    JobConfiguration { job, job_manager, notes }
}

fn pair(key: String, value: String) -> ConfigPair {
    let lower = key.to_ascii_lowercase();
    let secret = ["password", "secret", "token", "credential", "sasl.jaas"].iter().any(|w| lower.contains(w));
    ConfigPair { value: if secret { HIDDEN.to_string() } else { value }, key }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn secret_looking_keys_are_hidden() {
        let manager =
            json!([{"key": "s3.secret-key", "value": "abc"}, {"key": "rest.port", "value": "8081"}]);
        let config =
            parse_configuration(&json!({"execution-config": {"job-parallelism": 2}}), Some(&manager), vec![]);
        assert_eq!(config.job_manager[0].key, "rest.port");
        assert_eq!(config.job_manager[1].value, HIDDEN);
        assert_eq!(config.job[0].key, "job-parallelism");
    }
}
