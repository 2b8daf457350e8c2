-- Connection profiles. Secret values never live here: stored_secrets_json only names the
-- keyring slots that hold something (e.g. ["kafka_password"]).
CREATE TABLE connection_profiles (
    id                  TEXT PRIMARY KEY NOT NULL,
    name                TEXT NOT NULL UNIQUE COLLATE NOCASE,
    environment         TEXT NOT NULL CHECK (environment IN ('dev', 'test', 'prod')),
    kafka_json          TEXT,
    registry_json       TEXT,
    flink_json          TEXT,
    stored_secrets_json TEXT NOT NULL DEFAULT '[]',
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL
);
