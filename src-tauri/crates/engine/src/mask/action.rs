//! What a masking rule does to a value: redact, keep the first or last N characters, a
//! stable pseudonym (HMAC-SHA256 with the workspace secret, so one customer can be followed
//! across messages without being seen), remove the field, or set it to null. Written in
//! the policy as `"redact"`, `"keep_last:4"`, `"keep_first:2"`, `"pseudonym"`, `"remove"`,
//! `"null"`.

use std::fmt;
use std::str::FromStr;

use hmac::{Hmac, Mac};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use sha2::Sha256;

/// What replaces a redacted value. Chosen so no detector matches it.
pub const REDACTED: &str = "***";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MaskAction {
    Redact,
    KeepFirst(usize),
    KeepLast(usize),
    Pseudonym,
    Remove,
    Null,
}

/// The workspace secret pseudonyms are keyed with (kept in the OS keyring).
#[derive(Clone)]
pub struct PseudonymKey(Vec<u8>);

impl PseudonymKey {
    pub fn new(secret: impl Into<Vec<u8>>) -> Self {
        Self(secret.into())
    }

    /// `pseudo:` and 12 hex digits of HMAC-SHA256(secret, text): the same text always gives
    /// the same pseudonym, and it cannot be turned back without the secret.
    pub fn pseudonym(&self, text: &str) -> String {
        let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(&self.0) else {
            return REDACTED.to_string();
        };
        mac.update(text.as_bytes());
        let digest = mac.finalize().into_bytes();
        let mut out = String::with_capacity(19);
        out.push_str("pseudo:");
        for byte in &digest[..6] {
            out.push_str(&format!("{byte:02x}"));
        }
        out
    }
}

impl fmt::Debug for PseudonymKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PseudonymKey(…)")
    }
}

impl MaskAction {
    /// A whole value (a field, a header) masked: `None` removes it.
    pub fn apply_value(self, value: &serde_json::Value, key: &PseudonymKey) -> Option<serde_json::Value> {
        use serde_json::Value;
        let text = match value {
            Value::String(s) => s.clone(),
            Value::Null => return if self == Self::Remove { None } else { Some(Value::Null) },
            other => other.to_string(),
        };
        match self {
            Self::Remove => None,
            Self::Null => Some(Value::Null),
            _ => Some(Value::String(self.apply_text(&text, key))),
        }
    }

    /// A piece of text masked in place (a detector's finding inside free text).
    pub fn apply_text(self, text: &str, key: &PseudonymKey) -> String {
        match self {
            Self::Redact => REDACTED.to_string(),
            Self::Remove | Self::Null => String::new(),
            Self::Pseudonym => key.pseudonym(text),
            Self::KeepFirst(n) => keep(text, n, true),
            Self::KeepLast(n) => keep(text, n, false),
        }
    }
}

/// Keeps `n` characters at one end, never more than a quarter of the text (so "keep last
/// 4" of a short value does not show all of it), and stars the rest.
fn keep(text: &str, n: usize, first: bool) -> String {
    let chars: Vec<char> = text.chars().collect();
    let n = n.min(chars.len() / 4);
    let stars = chars.len() - n;
    if first {
        chars[..n].iter().copied().chain(std::iter::repeat_n('*', stars)).collect()
    } else {
        std::iter::repeat_n('*', stars).chain(chars[stars..].iter().copied()).collect()
    }
}

impl FromStr for MaskAction {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        let (name, arg) = match text.split_once(':') {
            Some((name, arg)) => (name.trim(), Some(arg.trim())),
            None => (text.trim(), None),
        };
        let count = || -> Result<usize, String> {
            arg.and_then(|a| a.parse().ok())
                .ok_or_else(|| format!("`{name}` needs a count, as in `{name}:4`"))
        };
        match (name, arg) {
            ("redact", None) => Ok(Self::Redact),
            ("pseudonym", None) => Ok(Self::Pseudonym),
            ("remove", None) => Ok(Self::Remove),
            ("null", None) => Ok(Self::Null),
            ("keep_first", _) => count().map(Self::KeepFirst),
            ("keep_last", _) => count().map(Self::KeepLast),
            _ => Err(format!(
                "unknown masking action `{text}`: use redact, keep_first:N, keep_last:N, pseudonym, remove or null"
            )),
        }
    }
}

impl fmt::Display for MaskAction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Redact => f.write_str("redact"),
            Self::KeepFirst(n) => write!(f, "keep_first:{n}"),
            Self::KeepLast(n) => write!(f, "keep_last:{n}"),
            Self::Pseudonym => f.write_str("pseudonym"),
            Self::Remove => f.write_str("remove"),
            Self::Null => f.write_str("null"),
        }
    }
}

impl Serialize for MaskAction {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for MaskAction {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn actions_parse_and_apply() {
        let key = PseudonymKey::new(b"secret".to_vec());
        let card = "4111111111111111";
        let cases = [
            ("redact", Some(json!("***"))),
            ("keep_last:4", Some(json!("************1111"))),
            ("keep_first:2", Some(json!("41**************"))),
            ("null", Some(json!(null))),
            ("remove", None),
        ];
        for (text, expected) in cases {
            let action: MaskAction = text.parse().unwrap_or(MaskAction::Redact);
            assert_eq!(action.to_string(), text);
            assert_eq!(action.apply_value(&json!(card), &key), expected, "{text}");
        }
        assert!("keep_last".parse::<MaskAction>().unwrap_err().contains("needs a count"));
        assert!("shred".parse::<MaskAction>().unwrap_err().contains("unknown masking action"));
    }

    #[test]
    fn pseudonyms_are_stable_per_secret_and_hide_the_value() {
        let key = PseudonymKey::new(b"secret".to_vec());
        let a = key.pseudonym("alice@example.com");
        assert_eq!(a, key.pseudonym("alice@example.com"));
        assert_ne!(a, key.pseudonym("bob@example.com"));
        assert_ne!(a, PseudonymKey::new(b"other".to_vec()).pseudonym("alice@example.com"));
        assert!(a.starts_with("pseudo:") && a.len() == 19 && !a.contains("alice"), "{a}");
    }

    #[test]
    fn keeping_never_shows_more_than_a_quarter() {
        assert_eq!(keep("12345", 4, false), "****5");
        assert_eq!(keep("ab", 4, true), "**");
    }
}
