//! The masker: what a masked role sees of a decoded record. Schema tags first (a field the
//! schema tags PII is masked wherever the schema is used), then the policy's field rules
//! (JSON paths, field-name globs and regexes, "mask all except" allow-lists), then content
//! detectors over the text that is left. Every masked value is marked with the rule that
//! masked it. Deny by default: a payload that cannot be decoded, binary data, or anything
//! the masker cannot parse is withheld, never passed through.

mod action;
mod detect;
mod gate;
mod json_text;
mod paths;
pub mod schema_tags;
mod text;
mod walk;

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Arc;

use rustc_hash::FxHashMap;

use serde::Serialize;
use ts_rs::TS;

pub use action::{MaskAction, PseudonymKey, REDACTED};
pub use detect::{find_all, Detector};
pub use paths::{glob_regex, render, NamePattern, PathPattern, Step};
pub use schema_tags::TagConfig;

use crate::access::policy::{MaskRule, MaskingPolicy};

/// Where one value was masked, and by which rule (never what it was).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MaskMark {
    /// `$.customer.email` within the payload.
    pub path: String,
    /// `schema tag PII`, `rule customers`, `rule built-in: detector email`.
    pub rule: String,
    pub action: String,
}

/// A policy rule ready to use.
#[derive(Debug, Clone)]
pub struct CompiledRule {
    pub name: String,
    /// How marks name it: `rule <name>`.
    label: String,
    topics: Vec<NamePattern>,
    paths: Vec<PathPattern>,
    /// Every field pattern in one regex (one match per name instead of one per pattern).
    fields_any: Option<regex::Regex>,
    allow_only: Vec<PathPattern>,
    detectors: Vec<Detector>,
    pub action: MaskAction,
}

impl CompiledRule {
    pub fn compile(rule: &MaskRule) -> Result<Self, String> {
        let names =
            |list: &[String]| list.iter().map(|g| NamePattern::parse(g)).collect::<Result<Vec<_>, _>>();
        let paths =
            |list: &[String]| list.iter().map(|p| PathPattern::parse(p)).collect::<Result<Vec<_>, _>>();
        let fields = names(&rule.fields)?;
        let fields_any = match fields.is_empty() {
            true => None,
            false => {
                let joined: Vec<String> = fields.iter().map(|f| format!("(?:{})", f.source())).collect();
                Some(regex::Regex::new(&joined.join("|")).map_err(|e| format!("field patterns: {e}"))?)
            }
        };
        Ok(Self {
            name: rule.name.clone(),
            label: format!("rule {}", rule.name),
            topics: names(&rule.topics)?,
            paths: paths(&rule.paths)?,
            fields_any,
            allow_only: paths(&rule.allow_only)?,
            detectors: rule.detectors(),
            action: rule.action,
        })
    }

    fn applies_to(&self, topic: &str) -> bool {
        self.topics.iter().any(|t| t.matches(topic))
    }

    /// Does the rule mask the value at `path` (by path, or by its field name) outright?
    fn masks_path(&self, path: &[Step<'_>]) -> bool {
        self.paths.iter().any(|p| p.matches(path))
    }

    fn masks_field_name(&self, name: &str) -> bool {
        self.fields_any.as_ref().is_some_and(|r| r.is_match(name))
    }

    /// With an allow-list, is the value at `path` (or one of its parents) on it?
    fn disallows(&self, path: &[Step<'_>]) -> bool {
        !self.allow_only.is_empty()
            && !(0..=path.len()).any(|n| self.allow_only.iter().any(|a| a.matches(&path[..n])))
    }
}

/// The masking for one topic under a masked role.
#[derive(Debug)]
pub struct Masker {
    rules: Vec<CompiledRule>,
    tags: TagConfig,
    tag_action: MaskAction,
    key: PseudonymKey,
    /// Every detector some rule runs.
    detectors: Vec<Detector>,
    /// What a field name means for masking, by name: field names repeat in every record.
    by_name: FxHashMap<Box<str>, NameFacts>,
    /// Tagged paths by schema id (computed once per scan).
    schema_paths: HashMap<u32, Result<Arc<[PathPattern]>, String>>,
}

impl Masker {
    pub fn new(policy: &MaskingPolicy, topic: &str, key: PseudonymKey) -> Result<Self, String> {
        let builtin = policy.builtin_rule.then(MaskRule::builtin);
        let mut rules = Vec::new();
        // The policy's own rules first: where one names a field or a detector, its action wins.
        for rule in policy.rules.iter().chain(builtin.iter()) {
            let compiled =
                CompiledRule::compile(rule).map_err(|e| format!("masking rule `{}`: {e}", rule.name))?;
            if compiled.applies_to(topic) {
                rules.push(compiled);
            }
        }
        let mut detectors: Vec<Detector> = rules.iter().flat_map(|r| r.detectors.iter().copied()).collect();
        detectors.sort_unstable();
        detectors.dedup();
        Ok(Self {
            rules,
            detectors,
            by_name: FxHashMap::default(),
            tags: TagConfig { attributes: policy.tag_attributes.clone(), tags: policy.tags.clone() },
            tag_action: policy.tag_action,
            key,
            schema_paths: HashMap::new(),
        })
    }

    /// The tagged paths of schema `id`, computed by `compute` the first time.
    pub fn schema_paths(
        &mut self,
        id: u32,
        compute: impl FnOnce(&TagConfig) -> Result<Vec<PathPattern>, String>,
    ) -> Result<Arc<[PathPattern]>, String> {
        let tags = &self.tags;
        self.schema_paths.entry(id).or_insert_with(|| compute(tags).map(Arc::from)).clone()
    }

    /// Masks a decoded JSON text in one pass: the masked text (compact JSON; `null` when
    /// the whole value is removed), borrowed when nothing in it was masked. An error says
    /// why the text could not be read (the caller withholds the payload).
    pub fn mask_json<'t>(
        &mut self,
        json: &'t str,
        tagged: &[PathPattern],
        marks: &mut Vec<MaskMark>,
    ) -> Result<Cow<'t, str>, String> {
        let mut walk = walk::Walk {
            masker: self,
            tagged,
            marks,
            text: json,
            out: String::with_capacity(json.len() + 16),
            written_keys: Vec::with_capacity(16),
        };
        let (end, kept) = walk.value(0, &mut Vec::with_capacity(8), None)?;
        let out = walk.out;
        if json_text::skip_ws(json.as_bytes(), end) != json.len() {
            return Err(format!("unexpected text after the value at byte {end}"));
        }
        Ok(match (kept, out == json) {
            (false, _) => Cow::Borrowed("null"),
            (true, true) => Cow::Borrowed(json),
            (true, false) => Cow::Owned(out),
        })
    }

    /// Masks free text (a non-JSON payload): allow-lists mask it whole, detectors in place.
    pub fn mask_text(&mut self, text: &str, marks: &mut Vec<MaskMark>) -> String {
        if let Some(rule) = self.rules.iter().find(|r| r.disallows(&[])) {
            marks.push(mark("$", &format!("{} (not on its allow-list)", rule.label), rule.action));
            return rule.action.apply_text(text, &self.key);
        }
        text::detect_in_text(self, text, &|| "$".to_string(), marks).unwrap_or_else(|| text.to_string())
    }

    /// The rule that masks a header by its name, if any.
    pub fn header_rule(&mut self, name: &str) -> Option<&CompiledRule> {
        self.name_facts(name).rule.map(|i| &self.rules[i])
    }

    /// What the field name `name` means for masking (remembered per name).
    fn name_facts(&mut self, name: &str) -> NameFacts {
        if let Some(facts) = self.by_name.get(name) {
            return *facts;
        }
        let facts = NameFacts {
            rule: self.rules.iter().position(|r| r.masks_field_name(name)),
            clean: find_all(name, &self.detectors).is_empty(),
        };
        if self.by_name.len() > 10_000 {
            self.by_name.clear();
        }
        self.by_name.insert(name.into(), facts);
        facts
    }

    /// The first rule that masks the value at `path` whole: by its path, or by its field
    /// name (`by_name`: the first rule masking the last key of `path`).
    fn rule_for(&self, path: &[Step<'_>], by_name: Option<usize>) -> Option<&CompiledRule> {
        let by_path = self.rules.iter().position(|r| r.masks_path(path));
        match (by_path, by_name) {
            (Some(a), Some(b)) => Some(&self.rules[a.min(b)]),
            (a, b) => a.or(b).map(|i| &self.rules[i]),
        }
    }

    pub fn key(&self) -> &PseudonymKey {
        &self.key
    }
}

/// What one field name means for masking.
#[derive(Debug, Clone, Copy)]
struct NameFacts {
    /// The first rule masking values under this name.
    rule: Option<usize>,
    /// No detector finds anything in the name itself.
    clean: bool,
}

fn mark(path: &str, rule: &str, action: MaskAction) -> MaskMark {
    MaskMark { path: path.to_string(), rule: rule.to_string(), action: action.to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::access::policy::MaskingPolicy;
    use proptest::prelude::*;
    use serde_json::{json, Value};

    fn masker(policy: &MaskingPolicy) -> Masker {
        Masker::new(policy, "orders", PseudonymKey::new(b"k".to_vec())).unwrap_or_else(|e| panic!("{e}"))
    }

    /// `value` masked (through its JSON text), read back.
    fn masked(
        masker: &mut Masker,
        value: &Value,
        tagged: &[PathPattern],
        marks: &mut Vec<MaskMark>,
    ) -> Value {
        let json = value.to_string();
        let text = masker.mask_json(&json, tagged, marks).unwrap_or_else(|e| panic!("{e}"));
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"))
    }

    /// PII values a record may carry, each one something a detector knows.
    fn pii() -> impl Strategy<Value = String> {
        prop_oneof![
            ("[a-z]{1,8}", "[a-z]{1,8}", prop::sample::select(vec!["com", "org", "co.uk"]))
                .prop_map(|(u, d, t)| format!("{u}@{d}.{t}")),
            prop::sample::select(vec![
                "4111 1111 1111 1111", "5500-0000-0000-0004", "378282246310005", "GB82 WEST 1234 5698 7654 32",
                "DE89370400440532013000", "123-45-6789", "+44 20 7946 0958", "(415) 555-0100", "10.20.30.40",
                "2001:db8::ff00:42:8329", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
                "sk_live_4eC39HqLyjWDarjtT1zdp7dc", "AKIAIOSFODNN7EXAMPLE",
            ])
            .prop_map(String::from),
        ]
    }

    /// Free text with a PII value planted in it, under an innocent field name.
    fn record() -> impl Strategy<Value = (Value, String)> {
        (
            pii(),
            "[a-zA-Z ]{0,20}",
            "[a-zA-Z ]{0,20}",
            prop::sample::select(vec!["note", "comment", "text", "memo"]),
            0usize..3,
        )
            .prop_map(|(secret, before, after, field, depth)| {
                let text = format!("{before} {secret} {after}");
                let mut value = json!({ field: text, "n": 1 });
                for level in 0..depth {
                    value = json!({ format!("level{level}"): [value, {"id": level}] });
                }
                (value, secret)
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]
        #[test]
        fn masked_output_never_holds_a_detector_match((value, secret) in record()) {
            let mut masker = masker(&MaskingPolicy::default());
            let mut marks = Vec::new();
            let masked = masker.mask_json(&value.to_string(), &[], &mut marks).unwrap_or_else(|e| panic!("{e}")).into_owned();
            prop_assert!(!masked.contains(&secret), "{} leaked in {}", secret, masked);
            let leftovers = find_all(&masked, &Detector::ALL);
            prop_assert!(leftovers.is_empty(), "{:?} in {}", leftovers, masked);
            prop_assert!(!marks.is_empty());
        }
    }

    #[test]
    fn field_rules_allow_lists_and_actions() {
        let policy: MaskingPolicy = toml::from_str(
            r#"
            builtin_rule = false
            [[rules]]
            name = "customers"
            topics = ["orders"]
            paths = ["$.customer.address"]
            fields = ["/^e-?mail$/"]
            action = "pseudonym"
            [[rules]]
            name = "public-only"
            topics = ["orders"]
            allow_only = ["$.id", "$.customer.email", "$.customer.address", "$.lines"]
            action = "null"
            [[rules]]
            name = "other-topic"
            topics = ["hr.*"]
            fields = ["id"]
            "#,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let mut masker = masker(&policy);
        let value = json!({"id": 7, "customer": {"email": "ann@example.com", "address": {"street": "1 Main St"}, "tier": "gold"}, "lines": [{"sku": "A"}]});
        let mut marks = Vec::new();
        let masked = masked(&mut masker, &value, &[], &mut marks);
        let email = masked["customer"]["email"].as_str().unwrap_or_default();
        assert!(email.starts_with("pseudo:"), "{masked}");
        assert!(masked["customer"]["address"].as_str().unwrap_or_default().starts_with("pseudo:"));
        assert_eq!(masked["customer"]["tier"], Value::Null, "not on the allow-list");
        assert_eq!(masked["id"], 7, "allowed, and the hr rule does not apply to this topic");
        assert_eq!(masked["lines"][0]["sku"], "A", "allowed through its parent");
        let rules: Vec<&str> = marks.iter().map(|m| m.rule.as_str()).collect();
        assert_eq!(rules, ["rule customers", "rule customers", "rule public-only (not on its allow-list)"]);
    }

    #[test]
    fn masking_repeats_until_no_detector_finds_anything() {
        // Found by the fuzzer: a valid card number inside a longer digit run is not a finding
        // until its neighbours are masked.
        let text = "54 54 54 54 54 54 54 54 54 54 54 54 54 54 54 54 54 54 54 54 54 54 54 54 54 54 54 54 54 54 54 54 54 54 54 54 54 54 54 0c 00 00 00 00 00 00 00 54 54 54 54 54 54 54 54 54 54 54 54 00 54 54 54 54 54 54 54 54 54 54 54 cf cf cf cf cf cf cf cf cf cf cf cf cf cf cf cf cf cf cf cf cf cf cf cf cf cf cf cf cf cf cf cf cf cf cf cf cf cf cf cf cf cf cf cf cf cf cf cf cf cf cf cf cf cf cf cf cf cf cf cf cf cf cf cf cf cf cf cf cf cf cf cf cf cf 54 54 54 54 54 54 54 54 54 54 54 54 54 54 54 54 40 54 54 54 54 54 54 54 54 54 54 54 54 54 54 54 54 54 54 54 54 54 01 06 63 2d 32 08 45 6d 6d 7e 7e 7f 7f 7f 7f 7f 7f dc 02 20 65 6d 6d 61 61 40 65 78 6d 70 6c 65 2e 6f 72 67 04 02 06 01 86 a8";
        let mut marks = Vec::new();
        let masked = masker(&MaskingPolicy::default()).mask_text(text, &mut marks);
        assert!(find_all(&masked, &Detector::ALL).is_empty(), "{masked}");
        assert!(!marks.is_empty());
    }

    #[test]
    fn map_keys_are_masked_too() {
        let value = json!({"counts": {"ann@example.com": 3, "bob@example.org": 4}});
        let mut marks = Vec::new();
        let masked = masked(&mut masker(&MaskingPolicy::default()), &value, &[], &mut marks);
        assert_eq!(masked, json!({"counts": {"***": 3, "***'": 4}}));
        assert!(marks.iter().all(|m| !m.path.contains('@')), "{marks:?}");
    }

    #[test]
    fn a_policy_rule_overrides_the_builtin_rule_for_what_it_names() {
        let policy: MaskingPolicy = toml::from_str(
            "[[rules]]\nname = \"follow\"\nfields = [\"*email*\"]\ndetectors = [\"card\"]\naction = \"keep_last:4\"",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let mut masker = masker(&policy);
        let value = json!({"email": "ann@example.com", "note": "card 4111111111111111", "ip": "10.1.2.3"});
        let masked = masked(&mut masker, &value, &[], &mut Vec::new());
        assert_eq!(masked["email"], "************com", "a quarter at most: 3 of 15");
        assert_eq!(masked["note"], "card ************1111");
        assert_eq!(masked["ip"], REDACTED, "the built-in rule still covers the rest");
    }

    #[test]
    fn schema_tagged_paths_are_masked_with_the_tag_action() {
        let policy: MaskingPolicy =
            toml::from_str("builtin_rule = false\ntag_action = \"remove\"").unwrap_or_else(|e| panic!("{e}"));
        let mut masker = masker(&policy);
        let tagged = [PathPattern::parse("$.lines[*].card").unwrap_or_else(|e| panic!("{e}"))];
        let mut marks = Vec::new();
        let value = json!({"lines": [{"card": "x", "sku": "A"}, {"card": "y", "sku": "B"}]});
        let masked = masked(&mut masker, &value, &tagged, &mut marks);
        assert_eq!(masked, json!({"lines": [{"sku": "A"}, {"sku": "B"}]}));
        assert_eq!(marks[1].path, "$.lines[1].card");
        assert_eq!(marks[1].rule, "schema tag");
    }
}
