//! What every command can reach: the engine's workspace and the caller's session.

use streamlens_engine::access::Session;
use streamlens_engine::Workspace;

pub(crate) struct AppState {
    pub(crate) workspace: Workspace,
    pub(crate) session: Session,
}
