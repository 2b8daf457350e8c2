-- The app settings (theme, time format, refresh interval, sizes, default decoders): one
-- validated JSON record (src/settings.rs), absent until first saved (defaults apply).
CREATE TABLE app_settings (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    json TEXT NOT NULL
);
