//! The Schema Registry of a connection: its client and schema cache (one per connection,
//! kept until the connection changes), the schema browser's reads, compatibility checks and
//! registration (developer role), and the decode stage a scan of that connection uses.

use std::sync::Arc;

use super::Workspace;
use crate::access::{Action, Session};
use crate::browse::{DecodeStage, TopicDecoders};
use crate::error::{Error, Result};
use crate::profile::ConnectionProfile;
use crate::schema::model::{
    CompatibilityReport, RegisteredId, RegistryOverview, SchemaDraft, SubjectDetail, SubjectVersion,
};
use crate::schema::{RegistryClient, SchemaResolver};

impl Workspace {
    pub async fn registry_overview(&self, session: &Session, connection: &str) -> Result<RegistryOverview> {
        session.authorize(Action::ViewSchemas)?;
        let registry = self.registry(connection).await?;
        let client = registry.client();
        let (subjects, (compatibility, _), mode) =
            tokio::try_join!(client.subjects(), client.compatibility(None), client.mode(None))?;
        Ok(RegistryOverview { subjects, compatibility, mode })
    }

    /// A subject's versions, latest schema, compatibility, mode, and the topics that use it.
    pub async fn subject_detail(
        &self,
        session: &Session,
        connection: &str,
        subject: &str,
    ) -> Result<SubjectDetail> {
        session.authorize(Action::ViewSchemas)?;
        let registry = self.registry(connection).await?;
        let client = registry.client();
        let (versions, latest, (compatibility, compatibility_is_global), mode) = tokio::try_join!(
            client.versions(subject),
            client.version(subject, "latest"),
            client.compatibility(Some(subject)),
            client.mode(Some(subject)),
        )?;
        let topics = match self.kafka_cluster(connection).await {
            Ok((_, cluster)) => cluster.topic_names().await.unwrap_or_default(),
            Err(_) => Vec::new(),
        };
        let record_name = crate::schema::model::record_name(&latest);
        let topics = topics_using(subject, record_name.as_deref(), &topics);
        Ok(SubjectDetail {
            subject: subject.to_string(),
            versions,
            latest,
            compatibility,
            compatibility_is_global,
            mode,
            topics,
        })
    }

    /// One version ("latest" or a number) of a subject.
    pub async fn subject_version(
        &self,
        session: &Session,
        connection: &str,
        subject: &str,
        version: &str,
    ) -> Result<SubjectVersion> {
        session.authorize(Action::ViewSchemas)?;
        self.registry(connection).await?.client().version(subject, version).await
    }

    pub async fn check_compatibility(
        &self,
        session: &Session,
        connection: &str,
        subject: &str,
        draft: &SchemaDraft,
    ) -> Result<CompatibilityReport> {
        session.authorize(Action::ViewSchemas)?;
        self.registry(connection).await?.client().check_compatibility(subject, draft).await
    }

    /// Registers `draft` as the next version of `subject` (developer and admin).
    pub async fn register_schema(
        &self,
        session: &Session,
        connection: &str,
        subject: &str,
        draft: &SchemaDraft,
    ) -> Result<RegisteredId> {
        let profile = self.store.find_profile(connection).await?;
        session.authorize_on(
            Action::WriteSchemas,
            crate::access::Target {
                connection: &profile.name,
                environment: profile.environment,
                topic: None,
            },
        )?;
        let registry = self.registry(connection).await?;
        let id = registry.client().register(subject, draft).await?;
        let detail = serde_json::json!({ "subject": subject, "id": id.id });
        self.audit(session, "register_schema", Some(&profile), detail).await?;
        tracing::info!(subject, id = id.id, role = session.role.as_str(), "schema registered");
        Ok(id)
    }

    /// The connection's registry, or an error saying it has none.
    pub(super) async fn registry(&self, connection: &str) -> Result<Arc<SchemaResolver>> {
        let profile = self.store.find_profile(connection).await?;
        self.schema_resolver(&profile).await?.ok_or_else(|| {
            Error::invalid(format!(
                "The connection '{}' has no Schema Registry: edit it and add the registry URL.",
                profile.name
            ))
        })
    }

    /// The registry client and schema cache of `profile`, made on first use.
    pub(super) async fn schema_resolver(
        &self,
        profile: &ConnectionProfile,
    ) -> Result<Option<Arc<SchemaResolver>>> {
        let Some(endpoint) = &profile.schema_registry else {
            return Ok(None);
        };
        if let Some(found) = self.registries.lock().await.get(&profile.id) {
            return Ok(Some(Arc::clone(found)));
        }
        let secrets = self.resolve_secrets(&profile.id, profile.required_secrets()).await?;
        let resolver =
            Arc::new(SchemaResolver::new(RegistryClient::new(endpoint, &secrets)?, Some(self.store.clone())));
        self.registries.lock().await.insert(profile.id.clone(), Arc::clone(&resolver));
        Ok(Some(resolver))
    }

    /// The decode stage for a scan of `topic` on `profile`: its registry, the topic's pinned decoders.
    pub(super) async fn decode_stage(
        &self,
        profile: &ConnectionProfile,
        topic: &str,
        whole: bool,
    ) -> Result<DecodeStage> {
        let registry = self.schema_resolver(profile).await?;
        let decoders = self.decoders_for(profile, topic).await?;
        Ok(DecodeStage::new(registry, decoders, whole))
    }

    /// The topic's pinned decoders, else the settings' default ones.
    async fn decoders_for(&self, profile: &ConnectionProfile, topic: &str) -> Result<TopicDecoders> {
        match self.store.topic_decoders(&profile.id, topic).await? {
            Some(pinned) => Ok(pinned),
            None => Ok(self.store.app_settings().await?.default_decoders),
        }
    }

    /// The decoders a topic's keys and values are read with: pinned, else the default ones.
    pub async fn topic_decoders(
        &self,
        session: &Session,
        connection: &str,
        topic: &str,
    ) -> Result<TopicDecoders> {
        session.authorize(Action::ViewTopics)?;
        let profile = self.store.find_profile(connection).await?;
        self.decoders_for(&profile, topic).await
    }

    /// Pins how a topic's keys and values are decoded (the default decoders remove the pin).
    pub async fn pin_topic_decoders(
        &self,
        session: &Session,
        connection: &str,
        topic: &str,
        decoders: TopicDecoders,
    ) -> Result<()> {
        session.authorize(Action::ReadMessages)?;
        let profile = self.store.find_profile(connection).await?;
        let defaults = self.store.app_settings().await?.default_decoders;
        self.store.pin_topic_decoders(&profile.id, topic, (decoders != defaults).then_some(decoders)).await?;
        tracing::info!(connection = %profile.name, topic, ?decoders, "decoders pinned");
        Ok(())
    }

    /// Why the connection's registry could not be asked lately, when schemas come from the cache.
    pub(super) async fn registry_outage(&self, profile: &ConnectionProfile) -> Option<String> {
        let registry = self.registries.lock().await.get(&profile.id).cloned()?;
        registry.recent_outage()
    }
}

/// Topics whose records the subject describes: TopicNameStrategy (`<topic>-key`,
/// `<topic>-value`) and TopicRecordNameStrategy (`<topic>-<record name>`).
fn topics_using(subject: &str, record_name: Option<&str>, topics: &[String]) -> Vec<String> {
    let mut found: Vec<String> = topics
        .iter()
        .filter(|topic| {
            subject.strip_prefix(topic.as_str()).and_then(|rest| rest.strip_prefix('-')).is_some_and(|rest| {
                rest == "key" || rest == "value" || record_name.is_some_and(|name| rest == name)
            })
        })
        .cloned()
        .collect();
    found.sort();
    found
}

#[cfg(test)]
mod tests {
    #[test]
    fn subjects_are_matched_to_topics_by_naming_strategy() {
        let topics: Vec<String> = ["orders", "orders.v2", "pay"].iter().map(|s| s.to_string()).collect();
        assert_eq!(super::topics_using("orders-value", None, &topics), vec!["orders"]);
        assert_eq!(super::topics_using("orders.v2-key", None, &topics), vec!["orders.v2"]);
        assert_eq!(super::topics_using("pay-shop.Payment", Some("shop.Payment"), &topics), vec!["pay"]);
        assert!(super::topics_using("pay-shop.Other", Some("shop.Payment"), &topics).is_empty());
    }
}
