//! The mask stage, between decode and filter: what the caller's role may see of a decoded
//! record. Unmasked for developers and admins where the policy lets them read unmasked;
//! otherwise every key, value and header goes through the [`Masker`]. Deny by default: a
//! payload that could not be decoded, binary data, or anything that cannot be masked is
//! withheld with the reason, never shown raw.

use super::decode::PREVIEW_LIMIT;
use super::decode_stage::DecodeStage;
use super::record::{MessageRecord, Payload, PayloadFormat};
use std::borrow::Cow;
use std::sync::Arc;

use crate::mask::{MaskMark, Masker, PathPattern};

pub enum MaskStage {
    /// The caller sees decoded data as it is.
    Unmasked,
    /// Masked for `role`; payloads are decoded whole and cut to `limit` after masking.
    Masked { masker: Box<Masker>, role: &'static str, limit: usize },
}

impl MaskStage {
    /// A masking stage; `whole` keeps full values (files, the CLI), else screen previews.
    pub fn masked(masker: Masker, role: &'static str, whole: bool) -> Self {
        Self::Masked { masker: Box::new(masker), role, limit: if whole { usize::MAX } else { PREVIEW_LIMIT } }
    }

    /// The built-in masking for role "support" (tests elsewhere in the crate).
    #[cfg(test)]
    pub(crate) fn builtin_for_tests() -> Self {
        let policy = crate::access::policy::MaskingPolicy::default();
        let key = crate::mask::PseudonymKey::new(b"test".to_vec());
        Self::masked(Masker::new(&policy, "t", key).unwrap_or_else(|e| panic!("{e}")), "support", false)
    }

    pub fn is_masked(&self) -> bool {
        matches!(self, Self::Masked { .. })
    }

    pub fn apply(&mut self, mut record: MessageRecord, decode: &DecodeStage) -> MessageRecord {
        let Self::Masked { masker, role, limit } = self else {
            return record;
        };
        record.key = mask_payload(masker, role, *limit, record.key, None, decode);
        record.value = mask_payload(masker, role, *limit, record.value, None, decode);
        for header in &mut record.headers {
            let value = std::mem::replace(&mut header.value, Payload::null());
            header.value = mask_payload(masker, role, *limit, value, Some(&header.key), decode);
        }
        record
    }
}

fn mask_payload(
    masker: &mut Masker,
    role: &str,
    limit: usize,
    mut payload: Payload,
    header: Option<&str>,
    decode: &DecodeStage,
) -> Payload {
    let size = payload.size as usize;
    match payload.format {
        PayloadFormat::Null | PayloadFormat::Withheld => return payload,
        _ if payload.failed => {
            let reason = payload.note.as_deref().unwrap_or("it could not be decoded");
            let mut out = Payload::withheld(
                size,
                &format!("Withheld: {} The {role} role never sees undecoded bytes.", reason.trim_end()),
            );
            out.schema = payload.schema;
            return out;
        }
        PayloadFormat::Binary => {
            return Payload::withheld(
                size,
                &format!("Withheld: binary data cannot be checked for personal data, so the {role} role does not see it."),
            )
        }
        PayloadFormat::Json | PayloadFormat::Text => {}
    }
    let mut marks: Vec<MaskMark> = Vec::new();
    if let Some(rule) = header.and_then(|name| masker.header_rule(name)) {
        marks.push(MaskMark {
            path: "$".to_string(),
            rule: format!("rule {} (header name)", rule.name),
            action: rule.action.to_string(),
        });
        let action = rule.action;
        let text = action.apply_text(payload.text.as_deref().unwrap_or_default(), masker.key());
        return finish(payload, text, PayloadFormat::Text, marks, limit);
    }
    let text = payload.text.take().unwrap_or_default();
    if payload.truncated {
        // Only a masked whole value may be shown; a cut one cannot be parsed and checked.
        return Payload::withheld(
            size,
            "Withheld: the value was cut short before masking, so it cannot be checked.",
        );
    }
    if payload.format == PayloadFormat::Text {
        let masked = masker.mask_text(&text, &mut marks);
        return finish(payload, masked, PayloadFormat::Text, marks, limit);
    }
    let tagged: Arc<[PathPattern]> = match &payload.schema {
        Some(tag) => match masker.schema_paths(tag.id, |config| decode.tagged_paths(tag.id, config)) {
            Ok(paths) => paths,
            Err(reason) => {
                return Payload::withheld(
                    size,
                    &format!("Withheld: the tags of schema {} could not be read ({reason}).", tag.id),
                )
            }
        },
        None => Arc::from(Vec::new()),
    };
    // Nothing masked: the decoder's own text, not a copy.
    let masked = match masker.mask_json(&text, &tagged, &mut marks) {
        Ok(Cow::Owned(masked)) => Some(masked),
        Ok(Cow::Borrowed(same)) => (!std::ptr::eq(same, text.as_str())).then(|| same.to_string()),
        Err(err) => {
            return Payload::withheld(
                size,
                &format!("Withheld: the decoded value could not be masked ({err})."),
            )
        }
    };
    finish(payload, masked.unwrap_or(text), PayloadFormat::Json, marks, limit)
}

/// The masked text in place of the original, cut to `limit`.
fn finish(
    mut payload: Payload,
    mut text: String,
    format: PayloadFormat,
    marks: Vec<MaskMark>,
    limit: usize,
) -> Payload {
    if text.len() > limit {
        let mut end = limit;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
        payload.truncated = true;
        payload.note = Some(format!("Large value: showing the first {} KiB.", limit / 1024));
    }
    payload.format = format;
    payload.text = Some(text);
    payload.masks = marks;
    payload
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::browse::decode::decode_auto;
    use crate::browse::record::{HeaderRecord, TimestampKind};

    fn record(key: &[u8], value: &[u8], header: (&str, &[u8])) -> MessageRecord {
        MessageRecord {
            partition: 0,
            offset: 7,
            timestamp: Some(1),
            timestamp_kind: TimestampKind::CreateTime,
            key: decode_auto(Some(key)),
            value: decode_auto(Some(value)),
            headers: vec![HeaderRecord { key: header.0.into(), value: decode_auto(Some(header.1)) }],
            size_bytes: 60,
        }
    }

    fn stage() -> MaskStage {
        MaskStage::builtin_for_tests()
    }

    #[test]
    fn a_masked_role_sees_no_pii_and_every_mask_is_marked() {
        let decode = DecodeStage::detached();
        let input = record(
            b"alice@example.com",
            br#"{"id":7,"email":"alice@example.com","note":"card 4111 1111 1111 1111 please","amount":12.5}"#,
            ("user-email", b"alice@example.com"),
        );
        let masked = stage().apply(input.clone(), &decode);
        let json = serde_json::to_string(&masked).unwrap_or_default();
        for secret in ["alice", "4111"] {
            assert!(!json.contains(secret), "{json}");
        }
        assert_eq!(
            masked.value.text.as_deref(),
            Some(r#"{"id":7,"email":"***","note":"card *** please","amount":12.5}"#)
        );
        let rules: Vec<&str> = masked.value.masks.iter().map(|m| m.rule.as_str()).collect();
        assert_eq!(rules, ["rule built-in", "rule built-in: detector card"]);
        assert_eq!(masked.value.masks[0].path, "$.email");
        assert_eq!(masked.headers[0].value.masks[0].rule, "rule built-in (header name)");
        assert_eq!(masked.value.size, input.value.size);
        let shown = MaskStage::Unmasked.apply(input.clone(), &decode);
        assert_eq!(shown, input);
    }

    #[test]
    fn binary_and_undecodable_payloads_are_withheld_with_the_reason() {
        let decode = DecodeStage::detached();
        let mut input = record(b"k", &[0xff, 0x00, 0x12, 0x9c], ("h", b"v"));
        input.key.failed = true;
        input.key.note = Some("Schema 1042 not found in the registry.".into());
        let masked = stage().apply(input, &decode);
        assert_eq!(masked.value.format, PayloadFormat::Withheld);
        assert!(masked.value.text.is_none());
        assert!(masked.value.note.as_deref().unwrap_or_default().contains("binary data"));
        assert_eq!(masked.key.format, PayloadFormat::Withheld);
        assert!(masked.key.note.as_deref().unwrap_or_default().contains("Schema 1042 not found"));
    }
}
