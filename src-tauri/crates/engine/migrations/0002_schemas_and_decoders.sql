-- Schemas seen through a registry, by id (ids are immutable): a registry outage, or a
-- restart while it is down, does not stop decoding of ids already seen. references_json
-- holds the resolved references as [[name, schema text], ...].
CREATE TABLE schema_cache (
    registry_url    TEXT NOT NULL,
    id              INTEGER NOT NULL,
    schema_type     TEXT NOT NULL,
    schema          TEXT NOT NULL,
    references_json TEXT NOT NULL DEFAULT '[]',
    subject         TEXT,
    version         INTEGER,
    PRIMARY KEY (registry_url, id)
);

-- The decoder a person pinned for a topic's keys and values (absent: auto).
CREATE TABLE topic_decoders (
    profile_id    TEXT NOT NULL REFERENCES connection_profiles(id) ON DELETE CASCADE,
    topic         TEXT NOT NULL,
    key_decoder   TEXT NOT NULL,
    value_decoder TEXT NOT NULL,
    PRIMARY KEY (profile_id, topic)
);
