//! The app settings a person keeps: theme, time zone and timestamp format, the live views'
//! refresh interval, the message browser's page size and live-tail rows, and the decoders
//! for topics without pinned ones. One validated record in the app database; every role
//! may change its own (Action::EditSettings). The UI applies most of them; the engine
//! applies the default decoders.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::browse::decode_stage::TopicDecoders;
use crate::error::{Error, Result};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    /// Follow the desktop's light/dark preference.
    #[default]
    System,
    Light,
    Dark,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TimestampFormat {
    /// `2026-01-01 13:05:09.042`
    #[default]
    Iso,
    /// `2026-01-01T13:05:09.042+01:00`
    Rfc3339,
    /// Milliseconds since the epoch, as Kafka stores them.
    EpochMillis,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AppSettings {
    pub theme: Theme,
    /// `local`, `UTC` or an IANA zone name such as `Europe/Berlin`.
    pub time_zone: String,
    pub timestamp_format: TimestampFormat,
    /// The live views' refresh interval; `None`: refresh by hand.
    pub refresh_ms: Option<u32>,
    /// Messages per page in the message browser.
    pub page_size: u32,
    /// Rows the live tail keeps before it drops the oldest.
    pub tail_rows: u32,
    /// Decoders for topics that have none pinned.
    pub default_decoders: TopicDecoders,
}

impl Default for AppSettings {
    fn default() -> Self {
        Self {
            theme: Theme::System,
            time_zone: "local".into(),
            timestamp_format: TimestampFormat::Iso,
            refresh_ms: Some(5_000),
            page_size: 100,
            tail_rows: 10_000,
            default_decoders: TopicDecoders::default(),
        }
    }
}

const REFRESH_MS: std::ops::RangeInclusive<u32> = 1_000..=600_000;
const PAGE_SIZE: std::ops::RangeInclusive<u32> = 10..=10_000;
const TAIL_ROWS: std::ops::RangeInclusive<u32> = 1_000..=1_000_000;

impl AppSettings {
    /// The settings if every value is in range, else what is wrong with the first one that is not.
    pub fn validated(self) -> Result<Self> {
        let out_of = |what: &str, value: u32, range: &std::ops::RangeInclusive<u32>| {
            Error::invalid(format!(
                "{what} must be between {} and {}; {value} is not.",
                range.start(),
                range.end()
            ))
        };
        if !valid_zone(&self.time_zone) {
            return Err(Error::invalid(format!(
                "'{}' is not a time zone: use local, UTC or an IANA name such as Europe/Berlin.",
                self.time_zone
            )));
        }
        if let Some(ms) = self.refresh_ms.filter(|ms| !REFRESH_MS.contains(ms)) {
            return Err(out_of("The refresh interval (ms)", ms, &REFRESH_MS));
        }
        if !PAGE_SIZE.contains(&self.page_size) {
            return Err(out_of("The page size", self.page_size, &PAGE_SIZE));
        }
        if !TAIL_ROWS.contains(&self.tail_rows) {
            return Err(out_of("The live tail's rows", self.tail_rows, &TAIL_ROWS));
        }
        Ok(self)
    }
}

/// `local`, `UTC`, or shaped like an IANA name (`Area/Location[/More]`, `Etc/GMT+5`): the UI
/// checks the name against the platform's zone database; this keeps junk out of storage.
fn valid_zone(zone: &str) -> bool {
    if zone == "local" || zone == "UTC" {
        return true;
    }
    let part = |p: &str| {
        !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '+'))
    };
    zone.len() <= 64 && zone.contains('/') && zone.split('/').all(part)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn defaults_are_valid_and_out_of_range_values_are_refused_with_a_reason() {
        assert!(AppSettings::default().validated().is_ok());
        let bad = |change: fn(&mut AppSettings)| {
            let mut s = AppSettings::default();
            change(&mut s);
            s.validated().unwrap_err().to_string()
        };
        assert!(bad(|s| s.page_size = 5).contains("page size must be between 10 and 10000; 5 is not"));
        assert!(bad(|s| s.tail_rows = 2_000_000).contains("live tail"));
        assert!(bad(|s| s.refresh_ms = Some(10)).contains("refresh interval"));
        assert!(bad(|s| s.time_zone = "Mars".into()).contains("not a time zone"));
        assert!(bad(|s| s.time_zone = "../../etc/passwd".into()).contains("not a time zone"));
        let mut manual = AppSettings { refresh_ms: None, ..AppSettings::default() };
        manual.time_zone = "America/Argentina/Buenos_Aires".into();
        assert!(manual.validated().is_ok());
        assert!(AppSettings { time_zone: "Etc/GMT+5".into(), ..AppSettings::default() }.validated().is_ok());
    }

    #[test]
    fn the_wire_shape_is_what_the_ui_reads() {
        let json = serde_json::to_value(AppSettings::default()).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "theme": "system", "timeZone": "local", "timestampFormat": "iso", "refreshMs": 5000,
                "pageSize": 100, "tailRows": 10000, "defaultDecoders": {"key": "auto", "value": "auto"},
            })
        );
    }
}
