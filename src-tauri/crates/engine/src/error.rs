//! The engine's error type. It crosses to the UI as tagged data (`{ kind, message }`),
//! so the UI branches on `kind` and shows `message`, which always says what happened and
//! what to do next. It must never carry a secret value.

use serde::Serialize;
use ts_rs::TS;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(rename = "AppError")]
pub enum Error {
    #[error("{message}")]
    NotFound { message: String },
    #[error("{message}")]
    InvalidInput { message: String },
    #[error("{message}")]
    Forbidden { message: String },
    /// A cluster or service could not be reached, or did not answer in time.
    #[error("{message}")]
    Unavailable { message: String },
    #[error("{message}")]
    Storage { message: String },
    #[error("{message}")]
    Keyring { message: String },
    #[error("{message}")]
    Internal { message: String },
}

impl Error {
    pub fn not_found(message: impl Into<String>) -> Self {
        Self::NotFound { message: message.into() }
    }
    pub fn invalid(message: impl Into<String>) -> Self {
        Self::InvalidInput { message: message.into() }
    }
    pub fn forbidden(message: impl Into<String>) -> Self {
        Self::Forbidden { message: message.into() }
    }
    pub fn unavailable(message: impl Into<String>) -> Self {
        Self::Unavailable { message: message.into() }
    }
    pub fn internal(message: impl Into<String>) -> Self {
        Self::Internal { message: message.into() }
    }

    /// The same kind of error, with `context` (what was going on) before its message.
    pub fn context(self, context: &str) -> Self {
        let with = |message: String| format!("{context}: {message}");
        match self {
            Self::NotFound { message } => Self::NotFound { message: with(message) },
            Self::InvalidInput { message } => Self::InvalidInput { message: with(message) },
            Self::Forbidden { message } => Self::Forbidden { message: with(message) },
            Self::Unavailable { message } => Self::Unavailable { message: with(message) },
            Self::Storage { message } => Self::Storage { message: with(message) },
            Self::Keyring { message } => Self::Keyring { message: with(message) },
            Self::Internal { message } => Self::Internal { message: with(message) },
        }
    }
}

impl From<sqlx::Error> for Error {
    fn from(err: sqlx::Error) -> Self {
        Self::Storage {
            message: format!(
                "The app database failed: {err}. Check that the data directory is writable and not full."
            ),
        }
    }
}

impl From<sqlx::migrate::MigrateError> for Error {
    fn from(err: sqlx::migrate::MigrateError) -> Self {
        Self::Storage {
            message: format!(
                "The app database could not be migrated: {err}. It may have been written by a newer Streamlens."
            ),
        }
    }
}

impl From<serde_json::Error> for Error {
    fn from(err: serde_json::Error) -> Self {
        Self::Storage { message: format!("A stored value could not be read back: {err}.") }
    }
}

impl From<std::io::Error> for Error {
    fn from(err: std::io::Error) -> Self {
        Self::Internal { message: format!("File system error: {err}.") }
    }
}
