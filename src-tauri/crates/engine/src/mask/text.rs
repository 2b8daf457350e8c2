//! Detectors applied to one piece of text (a string value, a key, a non-JSON payload):
//! every finding replaced with its rule's action and marked.

use super::{find_all, mark, CompiledRule, Detector, MaskAction, MaskMark, Masker, REDACTED};

/// The most marks one payload keeps: past it, masking goes on but is not itemised.
const MAX_MARKS: usize = 200;

/// Records that the value at `place` was masked by `rule`, up to [`MAX_MARKS`].
pub(super) fn note(marks: &mut Vec<MaskMark>, place: &str, rule: &str, action: MaskAction) {
    if marks.len() < MAX_MARKS {
        marks.push(mark(place, rule, action));
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
    if detectors.is_empty() {
        return None;
    }
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
    note(marks, &place, "detectors (still finding after masking)", MaskAction::Redact);
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
        let name = rule.map_or("built-in", |r| r.name.as_str());
        note(marks, place, &format!("rule {name}: detector {}", detector.as_str()), action);
    }
    out.push_str(&text[at..]);
    out
}
