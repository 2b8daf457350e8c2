//! Consumer groups of the workspace: list, describe (lag), and offset resets — developer
//! and admin only, with a dry run, and on prod with the group id typed back.

use super::Workspace;
use crate::access::{Action, Session, Target};
use crate::error::{Error, Result};
use crate::kafka::group_model::{GroupDetail, GroupSummary, OffsetReset, ResetPlan};
use crate::profile::Environment;

impl Workspace {
    pub async fn list_groups(&self, session: &Session, connection: &str) -> Result<Vec<GroupSummary>> {
        session.authorize(Action::ViewTopics)?;
        self.kafka_cluster(connection).await?.1.groups().await
    }

    pub async fn describe_group(
        &self,
        session: &Session,
        connection: &str,
        group: &str,
    ) -> Result<GroupDetail> {
        session.authorize(Action::ViewTopics)?;
        self.kafka_cluster(connection).await?.1.describe_group(group).await
    }

    pub async fn reset_offsets(
        &self,
        session: &Session,
        connection: &str,
        reset: &OffsetReset,
        confirmation: Option<&str>,
    ) -> Result<ResetPlan> {
        let (profile, cluster) = self.kafka_cluster(connection).await?;
        session.authorize_on(
            Action::ResetOffsets,
            Target { connection: &profile.name, environment: profile.environment, topic: Some(&reset.topic) },
        )?;
        if !reset.dry_run
            && session.policy().environment(&profile.name, profile.environment) == Environment::Prod
            && confirmation != Some(reset.group_id.as_str())
        {
            return Err(Error::invalid(format!(
                "'{}' is a prod connection: type the group id '{}' to confirm the offset reset.",
                profile.name, reset.group_id
            )));
        }
        let plan = cluster.reset_offsets(reset).await?;
        if plan.applied {
            self.audit(
                session,
                "reset_offsets",
                Some(&profile),
                serde_json::json!({
                    "group": reset.group_id, "topic": reset.topic,
                }),
            )
            .await?;
            tracing::info!(connection = %profile.name, group = %reset.group_id, topic = %reset.topic, "offsets reset");
        }
        Ok(plan)
    }
}
