//! What every command can reach: the engine's workspace and the caller's session. The
//! session can be narrowed to a lower role ("view as") and widened back to the one the
//! policy gave, never above it; a policy saved in the app starts a new session.

use std::sync::RwLock;

use streamlens_engine::access::{Role, Session};
use streamlens_engine::{Result, Workspace};

pub(crate) struct AppState {
    pub(crate) workspace: Workspace,
    /// The session the policy gave this user.
    granted: RwLock<Session>,
    /// The session commands run in: `granted`, or it viewed as a lower role.
    current: RwLock<Session>,
}

impl AppState {
    pub(crate) fn new(workspace: Workspace, granted: Session) -> Self {
        Self { workspace, current: RwLock::new(granted.clone()), granted: RwLock::new(granted) }
    }

    /// The session the next command runs in.
    pub(crate) fn session(&self) -> Session {
        read(&self.current)
    }

    /// Views the app as `role` (the granted role or one below it).
    pub(crate) fn view_as(&self, role: Role) -> Result<Session> {
        let session = read(&self.granted).view_as(role)?;
        write(&self.current, session.clone());
        Ok(session)
    }

    pub(crate) fn granted_role(&self) -> Role {
        read(&self.granted).role
    }

    /// A new policy is in force: its session replaces both (no longer viewing as anyone).
    pub(crate) fn start_over(&self, granted: Session) {
        write(&self.current, granted.clone());
        write(&self.granted, granted);
    }
}

fn read(lock: &RwLock<Session>) -> Session {
    lock.read().map_or_else(|poisoned| poisoned.into_inner().clone(), |s| s.clone())
}

fn write(lock: &RwLock<Session>, session: Session) {
    match lock.write() {
        Ok(mut slot) => *slot = session,
        Err(poisoned) => *poisoned.into_inner() = session,
    }
}
