//! Which detectors could find anything in a piece of text, from one pass over its bytes.
//! Each detector gets a condition that every one of its findings needs (an `@` for an
//! e-mail address, thirteen digits in a row for a card, three digit groups 3-3-4 for a
//! North American phone number, …), so a detector whose condition fails is not run at all:
//! ids, SKUs, amounts and timestamps, which fill most records, cost one byte scan.
//! `gates_hold_for_every_finding` checks the conditions against the detectors themselves.

use super::detect::Detector;

/// A set of detectors, one bit each (by [`Detector::index`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) struct Possible(u8);

impl Possible {
    pub(super) fn has(self, detector: Detector) -> bool {
        self.0 & (1 << detector.index()) != 0
    }

    pub(super) fn is_empty(self) -> bool {
        self.0 == 0
    }

    fn add(&mut self, detector: Detector, condition: bool) {
        if condition {
            self.0 |= 1 << detector.index();
        }
    }
}

/// A maximal run of ASCII digits, and the bytes between it and the run before it.
#[derive(Debug, Clone, Copy, Default)]
struct Group {
    len: usize,
    starts_with_00: bool,
    /// The bytes since the previous group ended (0 for the first group).
    gap: usize,
    /// The single byte between it and the previous group, if the gap is one byte.
    gap_byte: Option<u8>,
}

/// The detectors whose findings' conditions hold somewhere in `text`.
pub(super) fn possible(text: &str) -> Possible {
    let bytes = text.as_bytes();
    // Nothing shorter than `::1` is a finding; and without an `@`, two colons or 15 bytes,
    // only the digit-based detectors could find anything, and they need at least two
    // digits (an IBAN, with capitals) or four (every other one).
    if bytes.len() < 3 || quickly_ruled_out(bytes) {
        return Possible::default();
    }
    let mut facts = Facts::default();
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'0'..=b'9' => facts.digit(bytes, i, b),
            _ => facts.other(bytes, i, b),
        }
    }
    facts.end_group();
    facts.max_run = facts.max_run.max(facts.run);
    facts.verdict()
}

fn quickly_ruled_out(bytes: &[u8]) -> bool {
    if bytes.len() >= 15 {
        return false;
    }
    let (mut digits, mut colons, mut capitals) = (0, 0, false);
    for &b in bytes {
        match b {
            b'@' => return false,
            b'0'..=b'9' => digits += 1,
            b':' => colons += 1,
            b'A'..=b'Z' => capitals = true,
            _ => {}
        }
    }
    colons < 2 && digits < if capitals { 2 } else { 4 }
}

#[derive(Default)]
struct Facts {
    at_sign: bool,
    colons: usize,
    double_colon: bool,
    plus_digit: bool,
    underscore: bool,
    /// Two capitals then two digits (an IBAN's start) was seen; the group being read
    /// follows two capitals.
    iban_start: bool,
    after_capitals: bool,
    /// `eyJ` (a JWT) or a known API key prefix (`AKIA`, `AIza`, `xox`) was seen.
    jwt_start: bool,
    key_prefix: bool,
    digits: usize,
    /// Digits joined by at most one space or dash (a card number).
    chain: usize,
    max_chain: usize,
    chain_gap: bool,
    /// Token characters `[A-Za-z0-9_-]` in a row (JWTs, API keys).
    run: usize,
    max_run: usize,
    group: usize,
    group_00: bool,
    gap: usize,
    gap_byte: Option<u8>,
    /// The last four digit groups, oldest first.
    last: [Group; 4],
    /// A 3-3-4 (phone), 3-2-4 with dashes (SSN) or four dotted groups (IPv4) was seen.
    phone_groups: bool,
    ssn_groups: bool,
    ipv4_groups: bool,
}

impl Facts {
    fn digit(&mut self, bytes: &[u8], i: usize, b: u8) {
        self.digits += 1;
        if self.group == 0 {
            // `00` and at least seven more characters: `0044 20 7946 0958`.
            self.group_00 = b == b'0' && bytes.get(i + 1) == Some(&b'0') && bytes.len() - i >= 9;
            self.plus_digit |= i > 0 && bytes[i - 1] == b'+';
            self.after_capitals =
                i >= 2 && bytes[i - 2].is_ascii_uppercase() && bytes[i - 1].is_ascii_uppercase();
        }
        self.group += 1;
        self.chain += 1;
        self.chain_gap = false;
        self.run += 1;
    }

    fn other(&mut self, bytes: &[u8], i: usize, b: u8) {
        if self.group > 0 {
            self.end_group();
        }
        self.max_chain = self.max_chain.max(self.chain);
        self.gap += 1;
        self.gap_byte = if self.gap == 1 { Some(b) } else { None };
        match (b, self.chain_gap) {
            (b' ' | b'-', false) => self.chain_gap = true,
            _ => self.chain = 0,
        }
        if b.is_ascii_alphabetic() || b == b'_' || b == b'-' {
            self.run += 1;
        } else {
            self.max_run = self.max_run.max(self.run);
            self.run = 0;
        }
        match b {
            b'@' => self.at_sign = true,
            b':' => {
                self.colons += 1;
                self.double_colon |= i > 0 && bytes[i - 1] == b':';
            }
            b'_' => self.underscore = true,
            b'J' => self.jwt_start |= i >= 2 && &bytes[i - 2..i] == b"ey",
            b'A' => self.key_prefix |= bytes[i..].starts_with(b"AKIA") || bytes[i..].starts_with(b"AIza"),
            b'x' => self.key_prefix |= bytes[i..].starts_with(b"xox"),
            _ => {}
        }
    }

    fn end_group(&mut self) {
        if self.group == 0 {
            return;
        }
        self.max_chain = self.max_chain.max(self.chain);
        let group =
            Group { len: self.group, starts_with_00: self.group_00, gap: self.gap, gap_byte: self.gap_byte };
        self.last = [self.last[1], self.last[2], self.last[3], group];
        self.group = 0;
        self.gap = 0;
        self.gap_byte = None;
        let [a, b, c, d] = self.last;
        let joined = |g: Group, sep: u8| g.gap_byte == Some(sep);
        let near = |g: Group| (1..=4).contains(&g.gap);
        // `(415) 555-0100`: groups of 3, 3 and 4 digits, a few bytes apart.
        self.phone_groups |= b.len == 3 && c.len == 3 && d.len >= 4 && near(c) && near(d);
        self.ssn_groups |= b.len >= 3 && c.len == 2 && d.len >= 4 && joined(c, b'-') && joined(d, b'-');
        self.ipv4_groups |= a.len > 0 && joined(b, b'.') && joined(c, b'.') && joined(d, b'.');
        self.phone_groups |= group.starts_with_00 && group.len >= 3;
        self.iban_start |= self.after_capitals && group.len >= 2;
    }

    fn verdict(&self) -> Possible {
        let mut possible = Possible::default();
        possible.add(Detector::Email, self.at_sign);
        possible.add(Detector::Phone, self.digits >= 7 && (self.phone_groups || self.plus_digit));
        possible.add(Detector::Card, self.max_chain >= 13);
        possible.add(Detector::Iban, self.iban_start);
        possible.add(Detector::Ssn, self.ssn_groups);
        possible.add(Detector::Ip, self.ipv4_groups || self.double_colon || self.colons >= 6);
        possible.add(Detector::Jwt, self.jwt_start);
        let key_like = self.max_run >= 32 || self.underscore || self.key_prefix;
        possible.add(Detector::ApiKey, self.max_run >= 15 && key_like);
        possible
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Text built from PII of every kind, their near misses, digit runs, separators,
    /// accents and unicode white space.
    fn text() -> impl Strategy<Value = String> {
        prop::collection::vec(
            prop_oneof![
                prop::sample::select(vec![
                    "ann@example.com", "4111 1111 1111 1111", "5500-0000-0000-0004", "378282246310005",
                    "+44 20 7946 0958", "0044 20 7946 0958", "(415) 555-0100", "415.555.0100", "415\u{a0}555\u{a0}0100",
                    "GB82 WEST 1234 5698 7654 32", "DE89370400440532013000", "123-45-6789", "10.20.30.40",
                    "2001:db8::ff00:42:8329", "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:1.2.3.4", "::1",
                    "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
                    "sk_live_4eC39HqLyjWDarjtT1zdp7dc", "AKIAIOSFODNN7EXAMPLE", "ghp_abcdefghijABCDEFGHIJ0123456789",
                    "xoxb-1234567890", "AIzaSyA1234567890abcdefghijklmnopqrstu", "Ab1Cd2Ef3Gh4Ij5Kl6Mn7Op8Qr9St0Uv1Wx",
                    "2026-11-30T12:34:56.789Z", "C-012345", "SKU-1001", "é", "\u{2007}", "(", ")", "+", "00",
                ])
                .prop_map(String::from),
                "[0-9]{1,5}",
                "[ .:\\-/_]{1,2}",
                "[a-zA-Z]{1,6}",
            ],
            0..8,
        )
        .prop_map(|parts| parts.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        /// The gate never rules out a detector that finds something.
        #[test]
        fn gates_hold_for_every_finding(text in text()) {
            let possible = possible(&text);
            for detector in Detector::ALL {
                if !detector.find(&text).is_empty() {
                    prop_assert!(possible.has(detector), "{:?} finds something in {:?}", detector, text);
                }
            }
        }
    }

    #[test]
    fn everyday_values_need_no_detector() {
        for text in [
            "2026-11-30T12:34:56.789Z",
            "C-012345",
            "SKU-1001",
            "0123456789abcdef",
            "Chloé Dubois",
            "O-00000042",
        ] {
            assert!(possible(text).is_empty(), "{text}: {:?}", possible(text));
        }
        assert!(possible("mail ann@example.com").has(Detector::Email));
        assert!(possible("call (415) 555-0100").has(Detector::Phone));
        assert!(possible("4111-1111-1111-1111").has(Detector::Card));
    }
}
