//! Where the app keeps its files: the database and the logs, under one data directory.
//! `STREAMLENS_DATA_DIR` overrides the platform default (tests and the CLI use it).

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

#[derive(Debug, Clone)]
pub struct AppPaths {
    pub data_dir: PathBuf,
}

impl AppPaths {
    pub fn new(data_dir: impl Into<PathBuf>) -> Self {
        Self { data_dir: data_dir.into() }
    }

    /// `STREAMLENS_DATA_DIR`, else the platform's data directory + `streamlens`.
    pub fn from_env() -> Result<Self> {
        if let Some(dir) = std::env::var_os("STREAMLENS_DATA_DIR") {
            return Ok(Self::new(dir));
        }
        let base = dirs::data_dir().ok_or_else(|| {
            Error::internal("This system has no user data directory; set STREAMLENS_DATA_DIR.")
        })?;
        Ok(Self::new(base.join("streamlens")))
    }

    pub fn database(&self) -> PathBuf {
        self.data_dir.join("streamlens.db")
    }

    pub fn log_dir(&self) -> PathBuf {
        self.data_dir.join("logs")
    }

    pub fn ensure(&self) -> Result<&Path> {
        std::fs::create_dir_all(self.log_dir()).map_err(|err| {
            Error::internal(format!("Cannot create the data directory {}: {err}.", self.data_dir.display()))
        })?;
        Ok(&self.data_dir)
    }
}
