//! The access choke point: every engine operation names an [`Action`], and
//! [`Session::authorize`] decides whether the caller's role may do it. The UI hiding a
//! button is a convenience; this is the control. The workspace policy (roles × resources
//! from a signed TOML file) narrows these built-in defaults when it lands.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Developer,
    Support,
    Troubleshooter,
    Admin,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Developer => "developer",
            Self::Support => "support",
            Self::Troubleshooter => "troubleshooter",
            Self::Admin => "admin",
        }
    }
}

/// What an engine operation does, as far as access is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
    ResetOffsets,
    Produce,
    /// Schema Registry subjects, versions and schemas (no message data).
    ViewSchemas,
    /// Register schema versions.
    WriteSchemas,
}

impl Action {
    fn describe(self) -> &'static str {
        match self {
            Self::ViewConnections => "view connections",
            Self::EditConnections => "create, edit or delete connections",
            Self::TestConnections => "test connections",
            Self::ViewDiagnostics => "copy diagnostics",
            Self::ViewTopics => "view topics",
            Self::ManageTopics => "create or delete topics",
            Self::ReadMessages => "read live message data",
            Self::ResetOffsets => "reset consumer group offsets",
            Self::Produce => "produce messages",
            Self::ViewSchemas => "view schemas",
            Self::WriteSchemas => "register schemas",
        }
    }
}

/// Who is calling: the role the engine enforces for this session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Session {
    pub role: Role,
}

impl Session {
    pub fn new(role: Role) -> Self {
        Self { role }
    }

    pub fn authorize(&self, action: Action) -> Result<()> {
        let allowed = match action {
            Action::ViewConnections
            | Action::TestConnections
            | Action::ViewDiagnostics
            | Action::ViewTopics
            | Action::ViewSchemas => true,
            // Troubleshooters work from recordings; live data needs a policy grant.
            Action::ReadMessages => !matches!(self.role, Role::Troubleshooter),
            Action::EditConnections
            | Action::ManageTopics
            | Action::ResetOffsets
            | Action::Produce
            | Action::WriteSchemas => {
                matches!(self.role, Role::Developer | Role::Admin)
            }
        };
        if allowed {
            Ok(())
        } else {
            tracing::warn!(role = self.role.as_str(), ?action, "denied");
            Err(Error::forbidden(format!(
                "The {} role may not {}. Ask an admin to change your role in the workspace policy.",
                self.role.as_str(),
                action.describe()
            )))
        }
    }
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
}
