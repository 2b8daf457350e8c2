//! One walk over a decoded JSON value: each node is checked against the schema's tagged
//! paths, then the rules' paths and field names (masked whole when one matches), then the
//! allow-lists (leaves only), then the content detectors over its text.

use serde_json::Value;

use super::paths::{render, PathPattern, Step};
use super::{find_all, mark, CompiledRule, Detector, MaskAction, MaskMark, Masker, REDACTED};

/// The most marks one payload keeps: past it, masking goes on but is not itemised.
const MAX_MARKS: usize = 200;

pub(super) struct Walk<'a> {
    pub(super) masker: &'a Masker,
    pub(super) tagged: &'a [PathPattern],
    pub(super) marks: &'a mut Vec<MaskMark>,
}

impl Walk<'_> {
    pub(super) fn value(&mut self, value: Value, path: &mut Vec<Step>) -> Option<Value> {
        if self.tagged.iter().any(|p| p.matches(path)) {
            let action = self.masker.tag_action;
            self.note(path, "schema tag", action);
            return action.apply_value(&value, &self.masker.key);
        }
        if let Some(rule) = self.masker.rule_for(path) {
            self.note(path, &format!("rule {}", rule.name), rule.action);
            return rule.action.apply_value(&value, &self.masker.key);
        }
        match value {
            Value::Object(object) => {
                let mut out = serde_json::Map::with_capacity(object.len());
                for (key, child) in object {
                    // Keys can hold PII too (a map keyed by email address).
                    let masked_key = detect_in_text(
                        self.masker,
                        &key,
                        &|| format!("{} (a key)", render(path)),
                        self.marks,
                    );
                    let key = masked_key.unwrap_or(key);
                    path.push(Step::Key(key));
                    let masked = self.value(child, path);
                    let Some(Step::Key(mut key)) = path.pop() else { continue };
                    if let Some(masked) = masked {
                        while out.contains_key(&key) {
                            key.push('\'');
                        }
                        out.insert(key, masked);
                    }
                }
                Some(Value::Object(out))
            }
            Value::Array(items) => {
                let mut out = Vec::with_capacity(items.len());
                for (i, child) in items.into_iter().enumerate() {
                    path.push(Step::Index(i));
                    if let Some(masked) = self.value(child, path) {
                        out.push(masked);
                    }
                    path.pop();
                }
                Some(Value::Array(out))
            }
            leaf => self.leaf(leaf, path),
        }
    }

    fn leaf(&mut self, value: Value, path: &[Step]) -> Option<Value> {
        if let Some(rule) = self.masker.rules.iter().find(|r| r.disallows(path)) {
            if !value.is_null() {
                self.note(path, &format!("rule {} (not on its allow-list)", rule.name), rule.action);
                return rule.action.apply_value(&value, &self.masker.key);
            }
        }
        let masked = match &value {
            Value::String(s) => detect_in_text(self.masker, s, &|| render(path), self.marks),
            // Below a million a number cannot be a card, phone or account number.
            Value::Number(n) if n.as_f64().is_some_and(|f| f.abs() < 1e6) => None,
            Value::Number(n) => detect_in_text(self.masker, &n.to_string(), &|| render(path), self.marks),
            _ => None,
        };
        Some(masked.map_or(value, Value::String))
    }

    fn note(&mut self, path: &[Step], rule: &str, action: MaskAction) {
        if self.marks.len() < MAX_MARKS {
            self.marks.push(mark(&render(path), rule, action));
        }
    }
}

/// Replaces every detector finding in `text` with its rule's action. Replacing a finding
/// can expose another (a card inside a longer digit run once its neighbours are masked), so
/// this repeats until nothing is found; text that still holds a finding after a few rounds
/// is redacted whole.
pub(super) fn detect_in_text(
    masker: &Masker,
    text: &str,
    place: &dyn Fn() -> String,
    marks: &mut Vec<MaskMark>,
) -> Option<String> {
    let detectors = &masker.detectors;
    let mut findings = find_all(text, detectors);
    if findings.is_empty() {
        return None;
    }
    let place = place();
    let mut current = text.to_string();
    for _ in 0..4 {
        current = replace_findings(masker, &current, findings, &place, marks);
        findings = find_all(&current, detectors);
        if findings.is_empty() {
            return Some(current);
        }
    }
    marks.push(mark(&place, "detectors (still finding after masking)", MaskAction::Redact));
    Some(REDACTED.to_string())
}

fn replace_findings(
    masker: &Masker,
    text: &str,
    findings: Vec<(usize, usize, Detector)>,
    place: &str,
    marks: &mut Vec<MaskMark>,
) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (start, end, detector) in findings {
        let rule: Option<&CompiledRule> = masker.rules.iter().find(|r| r.detectors.contains(&detector));
        let action = rule.map_or(MaskAction::Redact, |r| r.action);
        out.push_str(&text[at..start]);
        out.push_str(&action.apply_text(&text[start..end], &masker.key));
        at = end;
        if marks.len() < MAX_MARKS {
            let name = rule.map_or("built-in", |r| r.name.as_str());
            marks.push(mark(place, &format!("rule {name}: detector {}", detector.as_str()), action));
        }
    }
    out.push_str(&text[at..]);
    out
}
