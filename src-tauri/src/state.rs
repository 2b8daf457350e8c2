//! What every command can reach: the engine's workspace and the caller's session. The
//! session can be narrowed to a lower role ("view as") and widened back to the one the
//! policy gave, never above it.

use std::sync::RwLock;

use streamlens_engine::access::{Role, Session};
use streamlens_engine::{Result, Workspace};

pub(crate) struct AppState {
    pub(crate) workspace: Workspace,
    /// The session the policy gave this user.
    granted: Session,
    /// The session commands run in: `granted`, or it viewed as a lower role.
    current: RwLock<Session>,
}

impl AppState {
    pub(crate) fn new(workspace: Workspace, granted: Session) -> Self {
        Self { workspace, current: RwLock::new(granted.clone()), granted }
    }

    /// The session the next command runs in.
    pub(crate) fn session(&self) -> Session {
        self.current.read().map_or_else(|poisoned| poisoned.into_inner().clone(), |s| s.clone())
    }

    /// Views the app as `role` (the granted role or one below it).
    pub(crate) fn view_as(&self, role: Role) -> Result<Session> {
        let session = self.granted.view_as(role)?;
        match self.current.write() {
            Ok(mut current) => *current = session.clone(),
            Err(poisoned) => *poisoned.into_inner() = session.clone(),
        }
        Ok(session)
    }

    pub(crate) fn granted_role(&self) -> Role {
        self.granted.role
    }
}
