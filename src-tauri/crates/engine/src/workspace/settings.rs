//! The app settings in the workspace: read (defaults until first saved) and saved after
//! validation. Every role may keep its own (`Action::EditSettings`).

use super::Workspace;
use crate::access::{Action, Session};
use crate::error::Result;
use crate::settings::AppSettings;

impl Workspace {
    pub async fn app_settings(&self, session: &Session) -> Result<AppSettings> {
        session.authorize(Action::EditSettings)?;
        self.store.app_settings().await
    }

    /// Saves the settings if they are valid; returns what was saved.
    pub async fn save_app_settings(&self, session: &Session, settings: AppSettings) -> Result<AppSettings> {
        session.authorize(Action::EditSettings)?;
        let settings = settings.validated()?;
        self.store.save_app_settings(&settings).await?;
        tracing::info!(?settings, "settings saved");
        Ok(settings)
    }
}
