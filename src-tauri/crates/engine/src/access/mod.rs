//! The access choke point: every engine operation names an [`Action`], and
//! [`Session::authorize`] (or [`Session::authorize_on`] for a connection and topic) decides
//! whether the caller's role may do it under the workspace policy. The UI hiding a button
//! is a convenience; this is the control.

pub mod audit;
pub mod load;
pub mod policy;
pub mod signature;

use std::sync::Arc;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::profile::Environment;
pub use policy::{Policy, Target};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Developer,
    Support,
    Troubleshooter,
    Admin,
}

impl Role {
    pub const ALL: [Role; 4] = [Self::Developer, Self::Support, Self::Troubleshooter, Self::Admin];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Developer => "developer",
            Self::Support => "support",
            Self::Troubleshooter => "troubleshooter",
            Self::Admin => "admin",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|role| role.as_str() == text.trim())
    }

    /// How much the role may see and do, for "view as": a role may view as itself or as
    /// any role ranked below it.
    fn rank(self) -> u8 {
        match self {
            Self::Admin => 3,
            Self::Developer => 2,
            Self::Support => 1,
            Self::Troubleshooter => 0,
        }
    }
}

/// What an engine operation does, as far as access is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    ViewConnections,
    EditConnections,
    TestConnections,
    ViewDiagnostics,
    /// Cluster metadata, topic lists, partitions and configs (no message data).
    ViewTopics,
    ManageTopics,
    /// Message data from live topics (masked for some roles by the data path).
    ReadMessages,
    /// Message data without masking.
    ReadUnmasked,
    ResetOffsets,
    Produce,
    /// Schema Registry subjects, versions and schemas (no message data).
    ViewSchemas,
    /// Register schema versions.
    WriteSchemas,
    /// Flink clusters, jobs, graphs, metrics, checkpoints, exceptions and configuration.
    ViewJobs,
    /// Trigger savepoints, stop with a savepoint, cancel jobs.
    OperateJobs,
    /// Record a Flink job (and capture its topics, masked) into a `.slrec` file.
    RecordJobs,
    /// Open recordings, offline.
    OpenRecordings,
    /// Read the workspace policy and the audit log; verify the log.
    ViewAudit,
    /// Replace the workspace policy.
    EditPolicy,
    /// Read and change one's own app settings (theme, time format, sizes, default decoders).
    EditSettings,
}

impl Action {
    pub const ALL: [Action; 19] = [
        Self::ViewConnections,
        Self::EditConnections,
        Self::TestConnections,
        Self::ViewDiagnostics,
        Self::ViewTopics,
        Self::ManageTopics,
        Self::ReadMessages,
        Self::ReadUnmasked,
        Self::ResetOffsets,
        Self::Produce,
        Self::ViewSchemas,
        Self::WriteSchemas,
        Self::ViewJobs,
        Self::OperateJobs,
        Self::RecordJobs,
        Self::OpenRecordings,
        Self::ViewAudit,
        Self::EditPolicy,
        Self::EditSettings,
    ];

    pub fn describe(self) -> &'static str {
        match self {
            Self::ViewConnections => "view connections",
            Self::EditConnections => "create, edit or delete connections",
            Self::TestConnections => "test connections",
            Self::ViewDiagnostics => "copy diagnostics",
            Self::ViewTopics => "view topics",
            Self::ManageTopics => "create or delete topics",
            Self::ReadMessages => "read live message data",
            Self::ReadUnmasked => "read message data unmasked",
            Self::ResetOffsets => "reset consumer group offsets",
            Self::Produce => "produce messages",
            Self::ViewSchemas => "view schemas",
            Self::WriteSchemas => "register schemas",
            Self::ViewJobs => "view Flink jobs",
            Self::OperateJobs => "savepoint, stop or cancel Flink jobs",
            Self::RecordJobs => "record Flink jobs",
            Self::OpenRecordings => "open recordings",
            Self::ViewAudit => "view the audit log",
            Self::EditPolicy => "change the workspace policy",
            Self::EditSettings => "change app settings",
        }
    }
}

/// The built-in role defaults, before the policy's grants and denials.
pub(crate) fn builtin_allows(role: Role, action: Action, environment: Environment) -> bool {
    let prod = environment == Environment::Prod;
    let builder = matches!(role, Role::Developer | Role::Admin);
    match action {
        Action::ViewConnections
        | Action::TestConnections
        | Action::ViewDiagnostics
        | Action::ViewTopics
        | Action::ViewSchemas
        | Action::ViewJobs
        | Action::OpenRecordings
        | Action::EditSettings => true,
        // Troubleshooters work from recordings; live data needs a policy grant.
        Action::ReadMessages => role != Role::Troubleshooter,
        Action::ReadUnmasked | Action::Produce | Action::ResetOffsets => builder && !prod,
        Action::EditConnections
        | Action::ManageTopics
        | Action::WriteSchemas
        | Action::OperateJobs
        | Action::RecordJobs => builder,
        Action::ViewAudit | Action::EditPolicy => role == Role::Admin,
    }
}

/// Who is calling: the user, the role the engine enforces, and the policy it enforces.
#[derive(Debug, Clone)]
pub struct Session {
    pub role: Role,
    pub user: String,
    policy: Arc<Policy>,
    /// SHA-256 of the policy file this session's policy was loaded from.
    policy_hash: Option<Arc<str>>,
}

impl Session {
    /// A session under the built-in policy, for the current OS user.
    pub fn new(role: Role) -> Self {
        Self::with_policy(role, current_user(), Arc::new(Policy::builtin()))
    }

    pub fn with_policy(role: Role, user: String, policy: Arc<Policy>) -> Self {
        Self { role, user, policy, policy_hash: None }
    }

    /// The same session, naming the hash of the file its policy was loaded from.
    pub fn with_policy_hash(self, hash: &str) -> Self {
        Self { policy_hash: Some(hash.into()), ..self }
    }

    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    /// SHA-256 (hex) of the policy in force: of its file when it was loaded from one (what
    /// `streamlens policy show` prints), else of the policy as TOML.
    pub fn policy_hash(&self) -> String {
        match &self.policy_hash {
            Some(hash) => hash.to_string(),
            None => load::sha256_hex(toml::to_string(&*self.policy).unwrap_or_default().as_bytes()),
        }
    }

    /// The same user and policy seen as a lower role ("view as"): refused for a higher one.
    pub fn view_as(&self, role: Role) -> Result<Self> {
        if role.rank() > self.role.rank() {
            return Err(Error::forbidden(format!(
                "The {} role may not view as {}: only as itself or a role below it.",
                self.role.as_str(),
                role.as_str()
            )));
        }
        Ok(Self { role, ..self.clone() })
    }

    /// May the role do this anywhere (the role's defaults and policy-wide grants)?
    pub fn authorize(&self, action: Action) -> Result<()> {
        self.decide(action, None)
    }

    /// May the role do this on this connection (and topic)?
    pub fn authorize_on(&self, action: Action, target: Target<'_>) -> Result<()> {
        self.decide(action, Some(target))
    }

    pub fn allows_on(&self, action: Action, target: Target<'_>) -> bool {
        self.policy.allows(self.role, action, Some(target))
    }

    fn decide(&self, action: Action, target: Option<Target<'_>>) -> Result<()> {
        if self.policy.allows(self.role, action, target) {
            return Ok(());
        }
        tracing::warn!(role = self.role.as_str(), ?action, "denied");
        let place = match target {
            Some(Target { connection, environment, topic }) => {
                let prod = self.policy.environment(connection, environment) == Environment::Prod;
                let on = match topic {
                    Some(topic) => format!(" on topic '{topic}' of '{connection}'"),
                    None => format!(" on '{connection}'"),
                };
                if prod {
                    format!("{on} (a prod connection)")
                } else {
                    on
                }
            }
            None => String::new(),
        };
        Err(Error::forbidden(format!(
            "The {} role may not {}{place}. Ask an admin to change the workspace policy.",
            self.role.as_str(),
            action.describe()
        )))
    }
}

/// The OS user name (`USER`, `USERNAME`, `LOGNAME`, else the home directory's name), or
/// "unknown".
pub fn current_user() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|name| std::env::var(name).ok().filter(|v| !v.is_empty()))
        .or_else(|| {
            dirs::home_dir().and_then(|home| home.file_name().map(|n| n.to_string_lossy().into_owned()))
        })
        .unwrap_or_else(|| "unknown".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_developer_and_admin_edit_connections() {
        for (role, may_edit) in [
            (Role::Developer, true),
            (Role::Admin, true),
            (Role::Support, false),
            (Role::Troubleshooter, false),
        ] {
            let session = Session::new(role);
            assert_eq!(session.authorize(Action::EditConnections).is_ok(), may_edit, "{role:?}");
            assert!(session.authorize(Action::ViewConnections).is_ok());
            assert!(session.authorize(Action::TestConnections).is_ok());
        }
        let err = Session::new(Role::Support).authorize(Action::EditConnections).unwrap_err();
        assert!(matches!(err, Error::Forbidden { .. }));
        assert!(err.to_string().contains("support role may not"));
    }

    #[test]
    fn builders_lose_writes_on_prod_and_view_as_goes_only_down() {
        for action in [Action::Produce, Action::ResetOffsets, Action::ReadUnmasked] {
            assert!(builtin_allows(Role::Developer, action, Environment::Dev));
            assert!(!builtin_allows(Role::Developer, action, Environment::Prod));
            assert!(!builtin_allows(Role::Support, action, Environment::Dev));
        }
        let developer = Session::new(Role::Developer);
        assert_eq!(developer.view_as(Role::Support).map(|s| s.role).ok(), Some(Role::Support));
        assert!(developer.view_as(Role::Admin).is_err());
    }
}
