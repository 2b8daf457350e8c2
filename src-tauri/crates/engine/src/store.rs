//! The app database: one SQLite file (sqlx, embedded migrations) in the data directory.
//! It holds connection profiles — settings only; secrets stay in the OS keyring — the
//! schemas seen through each registry (by id), and the decoders pinned per topic.

use std::path::Path;
use std::str::FromStr;

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteRow};
use sqlx::Row;

use crate::browse::TopicDecoders;
use crate::error::{Error, Result};
use crate::profile::{ConnectionProfile, Environment};
use crate::schema::model::SchemaType;
use crate::settings::AppSettings;

/// A schema as cached: what the registry said, with its references resolved to their text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CachedSchema {
    pub schema_type: SchemaType,
    pub schema: String,
    pub references: Vec<(String, String)>,
    pub subject: Option<String>,
    pub version: Option<i32>,
}

#[derive(Debug, Clone)]
pub struct Store {
    pool: SqlitePool,
}

impl Store {
    /// Opens (creating if missing) the database at `path` and brings its schema up to date.
    pub async fn open(path: &Path) -> Result<Self> {
        let options = SqliteConnectOptions::from_str("sqlite://")?
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .foreign_keys(true);
        let pool = SqlitePoolOptions::new().max_connections(4).connect_with(options).await?;
        sqlx::migrate!("./migrations").run(&pool).await?;
        Ok(Self { pool })
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }

    /// For the modules that keep their own tables here (the audit log).
    pub(crate) fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    pub async fn list_profiles(&self) -> Result<Vec<ConnectionProfile>> {
        let rows = sqlx::query("SELECT * FROM connection_profiles ORDER BY name COLLATE NOCASE")
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(profile_from_row).collect()
    }

    /// The profile with this id, or else this name (case-insensitive).
    pub async fn find_profile(&self, id_or_name: &str) -> Result<ConnectionProfile> {
        let row = sqlx::query("SELECT * FROM connection_profiles WHERE id = ?1 OR name = ?1 LIMIT 1")
            .bind(id_or_name)
            .fetch_optional(&self.pool)
            .await?;
        match row {
            Some(row) => profile_from_row(&row),
            None => Err(Error::not_found(format!(
                "No connection named or with id '{id_or_name}'. List them with `streamlens connections list`."
            ))),
        }
    }

    /// Inserts a new profile or replaces the settings of an existing one (same id); the
    /// creation time of an existing profile is kept.
    pub async fn save_profile(&self, profile: &ConnectionProfile) -> Result<()> {
        sqlx::query(
            "INSERT INTO connection_profiles
             (id, name, environment, kafka_json, registry_json, flink_json, stored_secrets_json, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
             ON CONFLICT(id) DO UPDATE SET name = excluded.name, environment = excluded.environment,
               kafka_json = excluded.kafka_json, registry_json = excluded.registry_json,
               flink_json = excluded.flink_json, stored_secrets_json = excluded.stored_secrets_json,
               updated_at = excluded.updated_at",
        )
        .bind(&profile.id)
        .bind(&profile.name)
        .bind(profile.environment.as_str())
        .bind(to_json(&profile.kafka)?)
        .bind(to_json(&profile.schema_registry)?)
        .bind(to_json(&profile.flink)?)
        .bind(serde_json::to_string(&profile.stored_secrets)?)
        .bind(&profile.created_at)
        .bind(&profile.updated_at)
        .execute(&self.pool)
        .await
        .map(|_| ())
        .map_err(|err| name_taken(err, &profile.name))
    }

    /// Deletes a profile; `false` when there was none with that id.
    pub async fn delete_profile(&self, id: &str) -> Result<bool> {
        let result =
            sqlx::query("DELETE FROM connection_profiles WHERE id = ?1").bind(id).execute(&self.pool).await?;
        Ok(result.rows_affected() > 0)
    }
}

impl Store {
    pub async fn cached_schema(&self, registry_url: &str, id: u32) -> Result<Option<CachedSchema>> {
        let row = sqlx::query("SELECT * FROM schema_cache WHERE registry_url = ?1 AND id = ?2")
            .bind(registry_url)
            .bind(i64::from(id))
            .fetch_optional(&self.pool)
            .await?;
        row.map(|row| {
            let schema_type: String = row.try_get("schema_type")?;
            Ok(CachedSchema {
                schema_type: SchemaType::parse(Some(&schema_type)),
                schema: row.try_get("schema")?,
                references: serde_json::from_str(&row.try_get::<String, _>("references_json")?)?,
                subject: row.try_get("subject")?,
                version: row.try_get("version")?,
            })
        })
        .transpose()
    }

    pub async fn cache_schema(&self, registry_url: &str, id: u32, schema: &CachedSchema) -> Result<()> {
        sqlx::query(
            "INSERT OR REPLACE INTO schema_cache (registry_url, id, schema_type, schema, references_json, subject, version)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )
        .bind(registry_url)
        .bind(i64::from(id))
        .bind(schema.schema_type.as_str())
        .bind(&schema.schema)
        .bind(serde_json::to_string(&schema.references)?)
        .bind(&schema.subject)
        .bind(schema.version)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The decoders pinned for `topic` (`None` when none are).
    pub async fn topic_decoders(&self, profile_id: &str, topic: &str) -> Result<Option<TopicDecoders>> {
        let row = sqlx::query(
            "SELECT key_decoder, value_decoder FROM topic_decoders WHERE profile_id = ?1 AND topic = ?2",
        )
        .bind(profile_id)
        .bind(topic)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let choice = |column: &str| -> Result<_> {
            Ok(serde_json::from_value(serde_json::Value::String(row.try_get(column)?)).unwrap_or_default())
        };
        Ok(Some(TopicDecoders { key: choice("key_decoder")?, value: choice("value_decoder")? }))
    }

    /// Pins `decoders` for `topic`; `None` removes the pin (the default decoders apply).
    pub async fn pin_topic_decoders(
        &self,
        profile_id: &str,
        topic: &str,
        decoders: Option<TopicDecoders>,
    ) -> Result<()> {
        let name = |choice| serde_json::to_value(choice).ok().and_then(|v| v.as_str().map(str::to_string));
        let Some(decoders) = decoders else {
            sqlx::query("DELETE FROM topic_decoders WHERE profile_id = ?1 AND topic = ?2")
                .bind(profile_id)
                .bind(topic)
                .execute(&self.pool)
                .await?;
            return Ok(());
        };
        sqlx::query(
            "INSERT OR REPLACE INTO topic_decoders (profile_id, topic, key_decoder, value_decoder) VALUES (?1, ?2, ?3, ?4)",
        )
        .bind(profile_id)
        .bind(topic)
        .bind(name(decoders.key))
        .bind(name(decoders.value))
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}

impl Store {
    /// The saved app settings; the defaults until first saved, or when what was saved cannot
    /// be read back (written by a newer version, say).
    pub async fn app_settings(&self) -> Result<AppSettings> {
        let json: Option<String> = sqlx::query_scalar("SELECT json FROM app_settings WHERE id = 1")
            .fetch_optional(&self.pool)
            .await?;
        let saved = json.and_then(|text| {
            serde_json::from_str(&text)
                .map_err(|err| tracing::warn!(%err, "the saved settings cannot be read: the defaults apply"))
                .ok()
        });
        Ok(saved.unwrap_or_default())
    }

    pub async fn save_app_settings(&self, settings: &AppSettings) -> Result<()> {
        sqlx::query("INSERT OR REPLACE INTO app_settings (id, json) VALUES (1, ?1)")
            .bind(serde_json::to_string(settings)?)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}

fn to_json<T: serde::Serialize>(value: &Option<T>) -> Result<Option<String>> {
    value.as_ref().map(serde_json::to_string).transpose().map_err(Error::from)
}

fn from_json<T: serde::de::DeserializeOwned>(text: Option<String>) -> Result<Option<T>> {
    text.map(|t| serde_json::from_str(&t)).transpose().map_err(Error::from)
}

fn name_taken(err: sqlx::Error, name: &str) -> Error {
    match &err {
        sqlx::Error::Database(db) if db.is_unique_violation() => {
            Error::invalid(format!("A connection named '{name}' already exists: choose another name."))
        }
        _ => Error::from(err),
    }
}

fn profile_from_row(row: &SqliteRow) -> Result<ConnectionProfile> {
    let environment: String = row.try_get("environment")?;
    Ok(ConnectionProfile {
        id: row.try_get("id")?,
        name: row.try_get("name")?,
        environment: Environment::parse(&environment)?,
        kafka: from_json(row.try_get("kafka_json")?)?,
        schema_registry: from_json(row.try_get("registry_json")?)?,
        flink: from_json(row.try_get("flink_json")?)?,
        stored_secrets: serde_json::from_str(&row.try_get::<String, _>("stored_secrets_json")?)?,
        created_at: row.try_get("created_at")?,
        updated_at: row.try_get("updated_at")?,
    })
}
