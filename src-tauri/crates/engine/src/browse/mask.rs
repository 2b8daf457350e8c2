//! The mask stage, between decode and filter: what the caller's role may see of a
//! decoded record. Until the workspace policy and its masking rules land, a masked role
//! (support, troubleshooter) sees the record's shape — partition, offset, time, sizes,
//! header names — and every key, value and header value is withheld. Deny by default:
//! nothing reaches a masked role unmasked.

use super::record::{MessageRecord, Payload};

const WITHHELD: &str =
    "Withheld: your role sees masked data only, and this workspace has no masking rules yet.";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MaskStage {
    /// The caller sees decoded data as it is (developer and admin on non-masked connections).
    Unmasked,
    /// Every payload is withheld.
    WithholdAll,
}

impl MaskStage {
    pub fn apply(self, mut record: MessageRecord) -> MessageRecord {
        if self == Self::WithholdAll {
            record.key = withhold(&record.key);
            record.value = withhold(&record.value);
            for header in &mut record.headers {
                header.value = withhold(&header.value);
            }
        }
        record
    }
}

fn withhold(payload: &Payload) -> Payload {
    if payload.format == super::record::PayloadFormat::Null {
        return Payload::null();
    }
    Payload::withheld(payload.size as usize, WITHHELD)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::browse::decode::decode_auto;
    use crate::browse::record::{HeaderRecord, TimestampKind};

    #[test]
    fn a_masked_role_sees_no_payload_text() {
        let record = MessageRecord {
            partition: 0,
            offset: 7,
            timestamp: Some(1),
            timestamp_kind: TimestampKind::CreateTime,
            key: decode_auto(Some(b"alice@example.com")),
            value: decode_auto(Some(br#"{"card":"4111111111111111"}"#)),
            headers: vec![HeaderRecord { key: "user".into(), value: decode_auto(Some(b"alice")) }],
            size_bytes: 60,
        };
        let masked = MaskStage::WithholdAll.apply(record.clone());
        let json = serde_json::to_string(&masked).unwrap_or_default();
        for secret in ["alice", "4111"] {
            assert!(!json.contains(secret), "{json}");
        }
        assert_eq!(masked.headers[0].key, "user");
        assert_eq!(masked.value.size, record.value.size);
        let shown = MaskStage::Unmasked.apply(record.clone());
        assert_eq!(shown, record);
    }
}
