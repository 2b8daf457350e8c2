//! One pass over a decoded JSON text, writing the masked text as it goes (no tree is
//! built). Each value is checked against the schema's tagged paths, then the rules' paths
//! and field names (masked whole when one matches), then the allow-lists (leaves only),
//! then the content detectors over its text. Untouched keys, strings and numbers are
//! copied as they were written, so the output keeps the input's spelling.

use std::borrow::Cow;

use super::json_text::{
    large_number, literal_end, number_end, skip_ws, string_end, unescape, value_end, MAX_DEPTH,
};
use super::paths::{render, PathPattern, Step};
use super::text::{detect_in_text, note};
use super::{MaskAction, MaskMark, Masker};
use crate::schema::json_out::push_str as push_string;

pub(super) struct Walk<'t, 'm> {
    pub(super) masker: &'m mut Masker,
    pub(super) tagged: &'m [PathPattern],
    pub(super) marks: &'m mut Vec<MaskMark>,
    pub(super) text: &'t str,
    pub(super) out: String,
    /// The keys written so far in each open object, to keep masked keys distinct.
    pub(super) written_keys: Vec<Cow<'t, str>>,
}

/// What a whole-value rule decided.
struct Verdict {
    rule: String,
    action: MaskAction,
}

impl<'t> Walk<'t, '_> {
    /// Masks the value at `at`, appending it to the output. Returns the offset just past
    /// the value, and whether it was kept (`false`: removed, nothing written).
    /// `name_rule`: the first rule masking the field name the value is under, if any.
    pub(super) fn value(
        &mut self,
        at: usize,
        path: &mut Vec<Step<'t>>,
        name_rule: Option<usize>,
    ) -> Result<(usize, bool), String> {
        if path.len() > MAX_DEPTH {
            return Err(format!("nested more than {MAX_DEPTH} levels deep"));
        }
        let text = self.text;
        let bytes = text.as_bytes();
        let at = skip_ws(bytes, at);
        if let Some(verdict) = self.whole_value_rule(path, name_rule) {
            let end = value_end(bytes, at, path.len())?;
            let kept = self.mask_whole(&text[at..end], path, verdict)?;
            return Ok((end, kept));
        }
        match bytes.get(at) {
            Some(b'{') => self.object(at, path).map(|end| (end, true)),
            Some(b'[') => self.array(at, path).map(|end| (end, true)),
            Some(b'"') => {
                let (end, escaped) = string_end(bytes, at)?;
                self.string_leaf(at, end, escaped, path)?;
                Ok((end, true))
            }
            Some(b'-' | b'0'..=b'9') => {
                let end = number_end(bytes, at)?;
                self.number_leaf(at, end, path)?;
                Ok((end, true))
            }
            Some(_) => {
                let end = literal_end(bytes, at)?;
                let raw = &text[at..end];
                if !self.allow_list_masks(raw, raw == "null", path)? {
                    self.out.push_str(raw);
                }
                Ok((end, true))
            }
            None => Err("the text ends where a value should be".to_string()),
        }
    }

    fn object(&mut self, at: usize, path: &mut Vec<Step<'t>>) -> Result<usize, String> {
        let text = self.text;
        let bytes = text.as_bytes();
        let keys_from = self.written_keys.len();
        self.out.push('{');
        let mut i = skip_ws(bytes, at + 1);
        let mut masked_keys = false;
        if bytes.get(i) != Some(&b'}') {
            loop {
                i = skip_ws(bytes, i);
                if bytes.get(i) != Some(&b'"') {
                    return Err(format!("expected a key at byte {i}"));
                }
                let (key_end, escaped) = string_end(bytes, i)?;
                let raw_key = &text[i..key_end];
                let content = unescape(raw_key, escaped)?;
                let facts = self.masker.name_facts(&content);
                let masked_key = match !escaped && facts.clean {
                    true => None,
                    false => detect_in_text(
                        self.masker,
                        &content,
                        &|| format!("{} (a key)", render(path)),
                        self.marks,
                    ),
                };
                let key_masked = masked_key.is_some();
                let name_rule = match &masked_key {
                    Some(masked) => self.masker.name_facts(masked).rule,
                    None => facts.rule,
                };
                masked_keys |= key_masked;
                let mut key = masked_key.map_or(content, Cow::Owned);
                if masked_keys {
                    key = self.distinct_key(key, keys_from);
                }
                i = skip_ws(bytes, key_end);
                if bytes.get(i) != Some(&b':') {
                    return Err(format!("expected `:` at byte {i}"));
                }
                let member_from = self.out.len();
                if self.written_keys.len() > keys_from {
                    self.out.push(',');
                }
                match key_masked || escaped {
                    false => self.out.push_str(raw_key),
                    true => push_string(&mut self.out, &key),
                }
                self.out.push(':');
                path.push(Step::Key(key));
                let (end, kept) = self.value(i + 1, path, name_rule)?;
                let Some(Step::Key(key)) = path.pop() else { unreachable!("pushed a key") };
                match kept {
                    true => self.written_keys.push(key),
                    false => self.out.truncate(member_from),
                }
                i = skip_ws(bytes, end);
                match bytes.get(i) {
                    Some(b',') => i += 1,
                    Some(b'}') => break,
                    _ => return Err(format!("expected `,` or `}}` at byte {i}")),
                }
            }
        }
        self.written_keys.truncate(keys_from);
        self.out.push('}');
        Ok(i + 1)
    }

    /// `key`, with `'` added until no key written in this object has its name.
    fn distinct_key(&self, mut key: Cow<'t, str>, keys_from: usize) -> Cow<'t, str> {
        while self.written_keys[keys_from..].contains(&key) {
            key.to_mut().push('\'');
        }
        key
    }

    fn array(&mut self, at: usize, path: &mut Vec<Step<'t>>) -> Result<usize, String> {
        let bytes = self.text.as_bytes();
        self.out.push('[');
        let mut i = skip_ws(bytes, at + 1);
        let mut written = 0;
        if bytes.get(i) != Some(&b']') {
            for index in 0.. {
                let item_from = self.out.len();
                if written > 0 {
                    self.out.push(',');
                }
                path.push(Step::Index(index));
                let (end, kept) = self.value(i, path, None)?;
                path.pop();
                match kept {
                    true => written += 1,
                    false => self.out.truncate(item_from),
                }
                i = skip_ws(bytes, end);
                match bytes.get(i) {
                    Some(b',') => i += 1,
                    Some(b']') => break,
                    _ => return Err(format!("expected `,` or `]` at byte {i}")),
                }
            }
        }
        self.out.push(']');
        Ok(i + 1)
    }

    fn string_leaf(&mut self, at: usize, end: usize, escaped: bool, path: &[Step<'t>]) -> Result<(), String> {
        let text = self.text;
        let raw = &text[at..end];
        if self.allow_list_masks(raw, false, path)? {
            return Ok(());
        }
        let content = unescape(raw, escaped)?;
        match detect_in_text(self.masker, &content, &|| render(path), self.marks) {
            Some(masked) => push_string(&mut self.out, &masked),
            None => self.out.push_str(raw),
        }
        Ok(())
    }

    fn number_leaf(&mut self, at: usize, end: usize, path: &[Step<'t>]) -> Result<(), String> {
        let text = self.text;
        let raw = &text[at..end];
        if self.allow_list_masks(raw, false, path)? {
            return Ok(());
        }
        // Below a million a number cannot be a card, phone or account number.
        let masked = match large_number(raw) {
            true => detect_in_text(self.masker, raw, &|| render(path), self.marks),
            false => None,
        };
        match masked {
            Some(masked) => push_string(&mut self.out, &masked),
            None => self.out.push_str(raw),
        }
        Ok(())
    }

    /// The schema tag or rule that masks the value at `path` whole, if any.
    fn whole_value_rule(&mut self, path: &[Step<'t>], name_rule: Option<usize>) -> Option<Verdict> {
        if self.tagged.iter().any(|p| p.matches(path)) {
            return Some(Verdict { rule: "schema tag".to_string(), action: self.masker.tag_action });
        }
        self.masker
            .rule_for(path, name_rule)
            .map(|rule| Verdict { rule: rule.label.clone(), action: rule.action })
    }

    /// A leaf not on an allow-list it falls under is masked with that rule's action (null
    /// stays null). Returns whether it was written masked.
    fn allow_list_masks(&mut self, raw: &str, is_null: bool, path: &[Step<'t>]) -> Result<bool, String> {
        if is_null {
            return Ok(false);
        }
        let Some(rule) = self.masker.rules.iter().find(|r| r.disallows(path)) else {
            return Ok(false);
        };
        let verdict =
            Verdict { rule: format!("{} (not on its allow-list)", rule.label), action: rule.action };
        self.mask_whole(raw, path, verdict).map(|_| true)
    }

    /// Writes the masked form of the whole value `raw`; `false` when it is removed.
    fn mask_whole(&mut self, raw: &str, path: &[Step<'t>], verdict: Verdict) -> Result<bool, String> {
        note(self.marks, &render(path), &verdict.rule, verdict.action);
        match verdict.action {
            MaskAction::Remove => return Ok(false),
            MaskAction::Null => self.out.push_str("null"),
            _ if raw == "null" => self.out.push_str("null"),
            action => {
                let text = match raw.as_bytes().first() {
                    Some(b'"') => unescape(raw, raw.contains('\\'))?,
                    _ => Cow::Borrowed(raw),
                };
                push_string(&mut self.out, &action.apply_text(&text, self.masker.key()));
            }
        }
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Masker, PseudonymKey, REDACTED};
    use crate::access::policy::MaskingPolicy;
    use proptest::prelude::*;

    fn masker(policy: &str) -> Masker {
        let policy: MaskingPolicy = toml::from_str(policy).unwrap_or_else(|e| panic!("{e}"));
        Masker::new(&policy, "orders", PseudonymKey::new(b"k".to_vec())).unwrap_or_else(|e| panic!("{e}"))
    }

    fn mask(masker: &mut Masker, json: &str) -> String {
        masker.mask_json(json, &[], &mut Vec::new()).unwrap_or_else(|e| panic!("{e}: {json}")).into_owned()
    }

    /// Text mixing PII, digit runs, separators, accents and JSON's special characters.
    fn piece() -> impl Strategy<Value = String> {
        prop::collection::vec(
            prop_oneof![
                Just("ann@example.com".to_string()),
                Just("4111 1111 1111 1111".to_string()),
                Just("+44 20 7946 0958".to_string()),
                Just("10.0.0.1".to_string()),
                Just("é".to_string()),
                Just("\"".to_string()),
                Just("\\".to_string()),
                "[0-9]{1,6}",
                "[ :.\\-]{1,2}",
                "[a-zA-Z]{1,5}",
            ],
            0..8,
        )
        .prop_map(|parts| parts.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]
        /// Every string in a JSON text is masked exactly as that string on its own is.
        #[test]
        fn a_string_in_json_is_masked_as_it_is_alone(text in piece(), other in piece()) {
            let mut masker = masker("");
            let json = serde_json::json!({"note": text, "n": 12, "other": other}).to_string();
            let masked: serde_json::Value = serde_json::from_str(&mask(&mut masker, &json))
                .unwrap_or_else(|e| panic!("{e}"));
            let alone = masker.mask_text(&text, &mut Vec::new());
            prop_assert_eq!(masked["note"].as_str(), Some(alone.as_str()));
            let alone = masker.mask_text(&other, &mut Vec::new());
            prop_assert_eq!(masked["other"].as_str(), Some(alone.as_str()));
        }
    }

    #[test]
    fn escaped_keys_numbers_and_white_space_are_masked_too() {
        let mut masker = masker("");
        // `\u0040` is `@`: the raw text holds no e-mail address, the value does.
        let json = "{ \"a\\u0040b.com\" : 1,\n \"note\": \"mail ann\\u0040example.com\", \"card\": 4111111111111111 }";
        let masked = mask(&mut masker, json);
        assert_eq!(masked, r#"{"***":1,"note":"mail ***","card":"***"}"#);
    }

    #[test]
    fn untouched_values_keep_their_spelling() {
        let mut masker = masker("");
        let json = r#"{"big":123456789012345678901234567890,"f":1.50,"e":"ann@example.com","s":"caf\u00e9"}"#;
        assert_eq!(
            mask(&mut masker, json),
            r#"{"big":123456789012345678901234567890,"f":1.50,"e":"***","s":"caf\u00e9"}"#
        );
        let plain = r#"{"id":7,"tags":["a","b"]}"#;
        assert!(matches!(masker.mask_json(plain, &[], &mut Vec::new()), Ok(std::borrow::Cow::Borrowed(_))));
    }

    #[test]
    fn removed_members_and_items_leave_valid_json() {
        let mut masker = masker(
            "builtin_rule = false\n[[rules]]\nname = \"drop\"\nfields = [\"x\"]\npaths = [\"$.list[1]\", \"$.list[2]\"]\naction = \"remove\"",
        );
        let cases = [
            (r#"{"x":1,"a":2}"#, r#"{"a":2}"#),
            (r#"{"a":1,"x":2}"#, r#"{"a":1}"#),
            (r#"{"x":{"y":1}}"#, "{}"),
            (r#"{"list":[0,1,2,3]}"#, r#"{"list":[0,3]}"#),
            (r#"{"list":[{"x":1},9,9]}"#, r#"{"list":[{}]}"#),
        ];
        for (json, expected) in cases {
            assert_eq!(mask(&mut masker, json), expected, "{json}");
        }
    }

    #[test]
    fn broken_text_is_an_error_not_a_pass() {
        let mut masker = masker("");
        for json in [r#"{"a":1"#, r#"{"a" 1}"#, r#"[1,,2]"#, r#"{"a":tru}"#, r#"{"a":1} x"#, "\"open"] {
            assert!(masker.mask_json(json, &[], &mut Vec::new()).is_err(), "{json}");
        }
        let deep = "[".repeat(400) + &"]".repeat(400);
        assert!(masker.mask_json(&deep, &[], &mut Vec::new()).unwrap_err().contains("nested"));
        assert_eq!(REDACTED, "***");
    }
}
