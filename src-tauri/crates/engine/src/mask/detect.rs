//! Content detectors for untagged data and free text: email, phone numbers, payment cards
//! (Luhn-checked), IBANs (mod-97 checked), US SSNs, IPv4/IPv6 addresses, JWTs and
//! API-key-like tokens. Each finds byte ranges in a string; candidates that fail their
//! checksum or shape check are not findings, so order ids and timestamps are left alone.

use std::net::Ipv6Addr;
use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Detector {
    Email,
    Phone,
    Card,
    Iban,
    Ssn,
    Ip,
    Jwt,
    ApiKey,
}

impl Detector {
    pub const ALL: [Detector; 8] =
        [Self::Jwt, Self::Email, Self::Iban, Self::Card, Self::Ssn, Self::Phone, Self::Ip, Self::ApiKey];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Email => "email",
            Self::Phone => "phone",
            Self::Card => "card",
            Self::Iban => "iban",
            Self::Ssn => "ssn",
            Self::Ip => "ip",
            Self::Jwt => "jwt",
            Self::ApiKey => "api_key",
        }
    }

    /// Byte ranges of this detector's findings in `text`, in order, not overlapping.
    pub fn find(self, text: &str) -> Vec<(usize, usize)> {
        let check: fn(&str) -> bool = match self {
            Self::Email | Self::Jwt => |_| true,
            Self::Phone => phone_ok,
            Self::Card => card_ok,
            Self::Iban => iban_ok,
            Self::Ssn => ssn_ok,
            Self::Ip => ip_ok,
            Self::ApiKey => api_key_ok,
        };
        let regex = &REGEXES[self.index()];
        let shrinks = matches!(self, Self::Card | Self::Iban);
        regex
            .find_iter(text)
            .filter_map(|m| {
                if check(m.as_str()) {
                    return Some((m.start(), m.end()));
                }
                // A greedy match may have taken a group that follows the number ("… 32 A"):
                // try it without its trailing groups.
                let candidate = m.as_str();
                let cuts = candidate.char_indices().filter(|(_, c)| *c == ' ' || *c == '-').map(|(i, _)| i);
                let mut cuts: Vec<usize> = cuts.collect();
                cuts.reverse();
                cuts.into_iter()
                    .filter(|_| shrinks)
                    .find(|&end| check(&candidate[..end]))
                    .map(|end| (m.start(), m.start() + end))
            })
            .collect()
    }
}

/// Every finding of `detectors` in `text`, earliest first; where two overlap the one that
/// starts first (then the longer) wins.
pub fn find_all(text: &str, detectors: &[Detector]) -> Vec<(usize, usize, Detector)> {
    // Most values hold nothing a detector could match: one byte scan rules them out.
    let possible = super::gate::possible(text);
    if possible.is_empty() {
        return Vec::new();
    }
    let mut found: Vec<(usize, usize, Detector)> = detectors
        .iter()
        .filter(|d| possible.has(**d))
        .flat_map(|d| d.find(text).into_iter().map(move |(s, e)| (s, e, *d)))
        .collect();
    found.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let mut kept: Vec<(usize, usize, Detector)> = Vec::with_capacity(found.len());
    for finding in found {
        match kept.last_mut() {
            Some(last) if finding.0 < last.1 => last.1 = last.1.max(finding.1),
            _ => kept.push(finding),
        }
    }
    kept
}

impl Detector {
    /// Position in [`Detector::ALL`] (and in the compiled tables).
    pub(super) fn index(self) -> usize {
        Self::ALL.iter().position(|d| *d == self).unwrap_or(0)
    }

    /// The detector's regex. Word boundaries are ASCII ones (`(?-u:\b)`): a letter with an
    /// accent next to a number counts as a boundary (masks more, never less), and the
    /// patterns stay within what the lazy DFA runs on text with non-ASCII names.
    fn pattern(self) -> &'static str {
        match self {
            Self::Email => r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}",
            // International (`+44 20 7946 0958`, `0044…`) or North American (`(415) 555-0100`).
            Self::Phone => {
                r"(?:(?:\+|(?-u:\b)00)[0-9][0-9\s().\-]{5,20}[0-9]|\(?(?-u:\b)[0-9]{3}\)?[\s.\-][0-9]{3}[\s.\-][0-9]{4}(?-u:\b))"
            }
            Self::Card => r"(?-u:\b)[0-9](?:[ \-]?[0-9]){12,18}(?-u:\b)",
            Self::Iban => r"(?-u:\b)[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]){11,30}(?-u:\b)",
            Self::Ssn => r"(?-u:\b)[0-9]{3}-[0-9]{2}-[0-9]{4}(?-u:\b)",
            Self::Ip => {
                r"(?:(?-u:\b)(?:[0-9]{1,3}\.){3}[0-9]{1,3}(?-u:\b)|(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?:(?:[0-9]{1,3}\.){3}[0-9]{1,3})?)"
            }
            Self::Jwt => r"(?-u:\b)eyJ[A-Za-z0-9_\-]{4,}\.eyJ[A-Za-z0-9_\-]{4,}\.[A-Za-z0-9_\-]*",
            // Known key prefixes, or a long token mixing upper case, lower case and digits.
            Self::ApiKey => {
                r"(?:(?-u:\b)(?:sk|pk|rk)_(?:live|test)_[A-Za-z0-9]{10,}|(?-u:\b)AKIA[0-9A-Z]{16}(?-u:\b)|(?-u:\b)gh[pousr]_[A-Za-z0-9]{20,}|(?-u:\b)xox[abpr]-[A-Za-z0-9\-]{10,}|(?-u:\b)AIza[0-9A-Za-z_\-]{30,}|(?-u:\b)[A-Za-z0-9_\-]{32,}(?-u:\b))"
            }
        }
    }
}

fn regex(pattern: &str) -> Regex {
    // The patterns are constants checked by the tests below.
    Regex::new(pattern).unwrap_or_else(|e| panic!("detector pattern {pattern}: {e}"))
}

/// One regex per detector, in [`Detector::ALL`] order.
static REGEXES: LazyLock<Vec<Regex>> =
    LazyLock::new(|| Detector::ALL.iter().map(|d| regex(d.pattern())).collect());
fn digits(text: &str) -> Vec<u32> {
    text.chars().filter_map(|c| c.to_digit(10)).collect()
}

fn phone_ok(text: &str) -> bool {
    (7..=15).contains(&digits(text).len())
}

fn card_ok(text: &str) -> bool {
    let digits = digits(text);
    if !(13..=19).contains(&digits.len()) {
        return false;
    }
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            if i % 2 == 1 {
                if d * 2 > 9 {
                    d * 2 - 9
                } else {
                    d * 2
                }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

fn iban_ok(text: &str) -> bool {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if !(15..=34).contains(&compact.len()) {
        return false;
    }
    let (head, tail) = compact.split_at(4);
    let mut remainder: u32 = 0;
    for c in tail.chars().chain(head.chars()) {
        let value = match c.to_digit(36) {
            Some(v) => v,
            None => return false,
        };
        for digit in value.to_string().chars().filter_map(|d| d.to_digit(10)) {
            remainder = (remainder * 10 + digit) % 97;
        }
    }
    remainder == 1
}

fn ssn_ok(text: &str) -> bool {
    let area = &text[0..3];
    area != "000" && area != "666" && !area.starts_with('9') && &text[4..6] != "00" && &text[7..11] != "0000"
}

fn ip_ok(text: &str) -> bool {
    if text.contains(':') {
        text.matches(':').count() >= 2 && text.parse::<Ipv6Addr>().is_ok() && text.len() > 2
    } else {
        text.split('.').all(|part| part.parse::<u8>().is_ok())
    }
}

fn api_key_ok(text: &str) -> bool {
    true_prefixed(text)
        || (text.chars().any(|c| c.is_ascii_uppercase())
            && text.chars().any(|c| c.is_ascii_lowercase())
            && text.chars().filter(char::is_ascii_digit).count() >= 2)
}

fn true_prefixed(text: &str) -> bool {
    ["sk_", "pk_", "rk_", "AKIA", "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "xox", "AIza"]
        .iter()
        .any(|p| text.starts_with(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(detector: Detector, text: &str) -> Vec<String> {
        detector.find(text).into_iter().map(|(s, e)| text[s..e].to_string()).collect()
    }

    #[test]
    fn each_detector_finds_its_kind_and_skips_look_alikes() {
        let cases: [(Detector, &str, &[&str]); 8] = [
            (Detector::Email, "mail jane.doe+x@mail.example.co.uk now; not@home", &["jane.doe+x@mail.example.co.uk"]),
            (
                Detector::Phone,
                "call +44 20 7946 0958 or (415) 555-0100; order 20240101 is not one",
                &["+44 20 7946 0958", "(415) 555-0100"],
            ),
            (
                Detector::Card,
                "card 4111 1111 1111 1111 7, not 4111 1111 1111 1112, ts 1700000000000",
                &["4111 1111 1111 1111"],
            ),
            (
                Detector::Iban,
                "to GB82 WEST 1234 5698 7654 32 A and DE89370400440532013000, not GB00WEST12345698765432",
                &["GB82 WEST 1234 5698 7654 32", "DE89370400440532013000"],
            ),
            (Detector::Ssn, "ssn 123-45-6789, not 000-12-3456 or 666-12-3456", &["123-45-6789"]),
            (
                Detector::Ip,
                "from 192.168.10.1 and 2001:db8::8a2e:370:7334, not 999.1.1.1 or 12:30",
                &["192.168.10.1", "2001:db8::8a2e:370:7334"],
            ),
            (
                Detector::Jwt,
                "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.sig_-x9 done",
                &["eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.sig_-x9"],
            ),
            (
                Detector::ApiKey,
                "key sk_live_4eC39HqLyjWDarjtT1zdp7dc and AKIAIOSFODNN7EXAMPLE; uuid 123e4567-e89b-12d3-a456-426614174000",
                &["sk_live_4eC39HqLyjWDarjtT1zdp7dc", "AKIAIOSFODNN7EXAMPLE"],
            ),
        ];
        for (detector, text, expected) in cases {
            assert_eq!(found(detector, text), expected, "{detector:?} in {text}");
        }
    }

    #[test]
    fn overlapping_findings_merge() {
        let text = "x 4111111111111111 y";
        let all = find_all(text, &Detector::ALL);
        assert_eq!(all.len(), 1, "{all:?}");
        assert_eq!(&text[all[0].0..all[0].1], "4111111111111111");
    }
}
