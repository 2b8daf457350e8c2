//! Kafka cluster and topic operations of the workspace: authorize, find the connection's
//! cluster (cached clients), and on prod connections require the topic name typed back
//! before anything destructive.

use std::sync::Arc;

use super::Workspace;
use crate::access::{Action, Session, Target};
use crate::error::{Error, Result};
use crate::kafka::model::{ClusterOverview, NewTopic, TopicDetail, TopicSummary};
use crate::kafka::{client_config, KafkaCluster};
use crate::profile::{ConnectionProfile, Environment};

impl Workspace {
    pub async fn cluster_overview(&self, session: &Session, connection: &str) -> Result<ClusterOverview> {
        session.authorize(Action::ViewTopics)?;
        self.kafka_cluster(connection).await?.1.overview().await
    }

    pub async fn list_topics(&self, session: &Session, connection: &str) -> Result<Vec<TopicSummary>> {
        session.authorize(Action::ViewTopics)?;
        self.kafka_cluster(connection).await?.1.topics().await
    }

    pub async fn describe_topic(
        &self,
        session: &Session,
        connection: &str,
        topic: &str,
    ) -> Result<TopicDetail> {
        session.authorize(Action::ViewTopics)?;
        self.kafka_cluster(connection).await?.1.describe_topic(topic).await
    }

    pub async fn create_topic(
        &self,
        session: &Session,
        connection: &str,
        topic: &NewTopic,
        confirmation: Option<&str>,
    ) -> Result<TopicDetail> {
        let (profile, cluster) = self.kafka_cluster(connection).await?;
        session.authorize_on(Action::ManageTopics, on_topic(&profile, &topic.name))?;
        topic.validate()?;
        confirm_on_prod(session, &profile, "topic name", &topic.name, confirmation, "create")?;
        cluster.create_topic(topic).await?;
        self.audit(session, "create_topic", Some(&profile), serde_json::json!({ "topic": topic.name }))
            .await?;
        tracing::info!(connection = %profile.name, topic = %topic.name, "topic created");
        // A new topic's metadata can lag its creation by a moment on some brokers.
        for _ in 0..20 {
            match cluster.describe_topic(&topic.name).await {
                Err(Error::NotFound { .. }) => {
                    tokio::time::sleep(std::time::Duration::from_millis(100)).await
                }
                other => return other,
            }
        }
        cluster.describe_topic(&topic.name).await
    }

    pub async fn delete_topic(
        &self,
        session: &Session,
        connection: &str,
        topic: &str,
        confirmation: Option<&str>,
    ) -> Result<()> {
        let (profile, cluster) = self.kafka_cluster(connection).await?;
        session.authorize_on(Action::ManageTopics, on_topic(&profile, topic))?;
        confirm_on_prod(session, &profile, "topic name", topic, confirmation, "delete")?;
        cluster.delete_topic(topic).await?;
        self.audit(session, "delete_topic", Some(&profile), serde_json::json!({ "topic": topic })).await?;
        tracing::info!(connection = %profile.name, topic, "topic deleted");
        // Metadata can still list a deleted topic for a moment; wait so a refresh is truthful.
        for _ in 0..20 {
            match cluster.describe_topic(topic).await {
                Err(Error::NotFound { .. }) => break,
                _ => tokio::time::sleep(std::time::Duration::from_millis(100)).await,
            }
        }
        Ok(())
    }

    pub(super) async fn kafka_cluster(
        &self,
        connection: &str,
    ) -> Result<(ConnectionProfile, Arc<KafkaCluster>)> {
        let profile = self.store.find_profile(connection).await?;
        let Some(settings) = profile.kafka.clone() else {
            return Err(Error::invalid(format!(
                "The connection '{}' has no Kafka part: edit it and add bootstrap servers.",
                profile.name
            )));
        };
        if let Some(cluster) = self.kafka.lock().await.get(&profile.id) {
            return Ok((profile, Arc::clone(cluster)));
        }
        let secrets = self.resolve_secrets(&profile.id, profile.required_secrets()).await?;
        let cluster = Arc::new(KafkaCluster::connect(&client_config(&settings, &secrets)?)?);
        self.kafka.lock().await.insert(profile.id.clone(), Arc::clone(&cluster));
        Ok((profile, cluster))
    }
}

/// On a prod connection (by its profile, or as the policy pins it) a destructive action
/// needs the thing's name (`what`: "topic name", "job name") typed back.
pub(super) fn confirm_on_prod(
    session: &Session,
    profile: &ConnectionProfile,
    what: &str,
    name: &str,
    confirmation: Option<&str>,
    action: &str,
) -> Result<()> {
    let environment = session.policy().environment(&profile.name, profile.environment);
    if environment == Environment::Prod && confirmation != Some(name) {
        return Err(Error::invalid(format!(
            "'{}' is a prod connection: type the {what} '{name}' to confirm you want to {action} it.",
            profile.name
        )));
    }
    Ok(())
}

/// A topic of a connection, for the policy.
fn on_topic<'a>(profile: &'a ConnectionProfile, topic: &'a str) -> Target<'a> {
    Target { connection: &profile.name, environment: profile.environment, topic: Some(topic) }
}
