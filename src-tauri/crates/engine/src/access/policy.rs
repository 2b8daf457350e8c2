//! The workspace policy: a TOML file (docs/policy.md) that names connections and their
//! environments, assigns roles to users, widens or narrows what each role may do with
//! grants and denials on connection and topic patterns, and sets the masking rules.
//! Without a file, the built-in policy applies: the role defaults of [`super::Role`] and
//! masking by schema tags, sensitive field names and every content detector.

use serde::{Deserialize, Serialize};

use super::{Action, Role};
use crate::mask::{Detector, MaskAction, NamePattern};
use crate::profile::Environment;

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Policy {
    /// Format version: 1.
    #[serde(default = "one")]
    pub version: u32,
    /// Environments pinned by connection name, whatever the profile says.
    #[serde(default)]
    pub connections: Vec<ConnectionRule>,
    #[serde(default)]
    pub assignments: Vec<Assignment>,
    #[serde(default)]
    pub grants: Vec<Permission>,
    #[serde(default)]
    pub denials: Vec<Permission>,
    #[serde(default)]
    pub masking: MaskingPolicy,
}

fn one() -> u32 {
    1
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConnectionRule {
    /// Connection name glob.
    pub name: String,
    pub environment: Environment,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assignment {
    /// The OS user name, or `*` for everyone not named.
    pub user: String,
    pub role: Role,
}

/// Actions for roles on connections and topics (globs; `*` when left out).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Permission {
    pub roles: Vec<Role>,
    pub actions: Vec<Action>,
    #[serde(default = "everything")]
    pub connections: Vec<String>,
    #[serde(default = "everything")]
    pub topics: Vec<String>,
}

fn everything() -> Vec<String> {
    vec!["*".to_string()]
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MaskingPolicy {
    /// Schema attributes that tag a field (Avro field attributes, JSON Schema keywords,
    /// Protobuf option names).
    #[serde(default = "default_tag_attributes")]
    pub tag_attributes: Vec<String>,
    /// Tag values that mean "mask this".
    #[serde(default = "default_tags")]
    pub tags: Vec<String>,
    #[serde(default = "redact")]
    pub tag_action: MaskAction,
    /// Keep the built-in rule (sensitive field names and every detector, on every topic)
    /// beside the policy's own.
    #[serde(default = "yes")]
    pub builtin_rule: bool,
    #[serde(default)]
    pub rules: Vec<MaskRule>,
}

impl Default for MaskingPolicy {
    fn default() -> Self {
        Self {
            tag_attributes: default_tag_attributes(),
            tags: default_tags(),
            tag_action: MaskAction::Redact,
            builtin_rule: true,
            rules: Vec::new(),
        }
    }
}

fn default_tag_attributes() -> Vec<String> {
    ["confluent:tags", "tags", "x-pii", "pii", "sensitive"].map(String::from).to_vec()
}

fn default_tags() -> Vec<String> {
    ["PII", "SENSITIVE", "PRIVATE"].map(String::from).to_vec()
}

fn redact() -> MaskAction {
    MaskAction::Redact
}

fn yes() -> bool {
    true
}

/// A masking rule for the topics it names.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MaskRule {
    pub name: String,
    #[serde(default = "everything")]
    pub topics: Vec<String>,
    /// JSON paths: `$.customer.email`, `$.items[*].card`, `$..email`.
    #[serde(default)]
    pub paths: Vec<String>,
    /// Field names: globs (`*email*`) or `/regexes/`; also matched against header names.
    #[serde(default)]
    pub fields: Vec<String>,
    /// When set, every value not at one of these paths is masked ("mask all except").
    #[serde(default)]
    pub allow_only: Vec<String>,
    /// Content detectors run on the text of every value this rule does not mask outright.
    #[serde(default)]
    pub detectors: Vec<DetectorChoice>,
    #[serde(default = "redact")]
    pub action: MaskAction,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum DetectorChoice {
    One(Detector),
    All(AllDetectors),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AllDetectors {
    All,
}

impl MaskRule {
    pub fn detectors(&self) -> Vec<Detector> {
        if self.detectors.iter().any(|d| matches!(d, DetectorChoice::All(_))) {
            return Detector::ALL.to_vec();
        }
        self.detectors
            .iter()
            .filter_map(|d| match d {
                DetectorChoice::One(d) => Some(*d),
                DetectorChoice::All(_) => None,
            })
            .collect()
    }

    /// The rule every masked role gets unless the policy turns it off.
    pub fn builtin() -> Self {
        Self {
            name: "built-in".to_string(),
            topics: everything(),
            paths: Vec::new(),
            fields: [
                "*email*",
                "*e_mail*",
                "*phone*",
                "*mobile*",
                "ssn",
                "*social_security*",
                "*passport*",
                "*iban*",
                "*card_number*",
                "*cardnumber*",
                "*card_no*",
                "cvv",
                "*password*",
                "*secret*",
                "*token*",
                "*api_key*",
                "*apikey*",
                "*birth*",
                "dob",
                "*street*",
                "*address_line*",
                "*postcode*",
                "*postal_code*",
                "*zip*",
                "*first_name*",
                "*firstname*",
                "*last_name*",
                "*lastname*",
                "*full_name*",
                "*fullname*",
                "*surname*",
            ]
            .map(String::from)
            .to_vec(),
            allow_only: Vec::new(),
            detectors: vec![DetectorChoice::All(AllDetectors::All)],
            action: MaskAction::Redact,
        }
    }
}

/// Does `name` match any of these globs?
pub fn matches_any(globs: &[String], name: &str) -> bool {
    globs.iter().any(|g| NamePattern::parse(g).is_ok_and(|p| p.matches(name)))
}

/// Where an action is asked for: a connection (its name and environment) and maybe a topic.
#[derive(Debug, Clone, Copy)]
pub struct Target<'a> {
    pub connection: &'a str,
    pub environment: Environment,
    pub topic: Option<&'a str>,
}

impl Policy {
    /// The built-in policy: role defaults and built-in masking.
    pub fn builtin() -> Self {
        Self { version: 1, ..Self::default() }
    }

    /// Reads and checks a policy file's text.
    pub fn parse(text: &str) -> Result<Self, String> {
        let policy: Self = toml::from_str(text).map_err(|e| e.to_string())?;
        policy.check()?;
        Ok(policy)
    }

    fn check(&self) -> Result<(), String> {
        if self.version != 1 {
            return Err(format!(
                "version {} is not supported (this Streamlens reads version 1)",
                self.version
            ));
        }
        for rule in &self.masking.rules {
            crate::mask::CompiledRule::compile(rule)
                .map_err(|e| format!("masking rule `{}`: {e}", rule.name))?;
        }
        let globs = self.connections.iter().map(|c| &c.name).chain(
            self.grants.iter().chain(&self.denials).flat_map(|p| p.connections.iter().chain(&p.topics)),
        );
        for glob in globs {
            NamePattern::parse(glob).map_err(|e| format!("pattern `{glob}`: {e}"))?;
        }
        Ok(())
    }

    /// The role the policy assigns to `user` (by name, else `*`), if any.
    pub fn role_for(&self, user: &str) -> Option<Role> {
        let named = self.assignments.iter().find(|a| a.user == user);
        named.or_else(|| self.assignments.iter().find(|a| a.user == "*")).map(|a| a.role)
    }

    /// The environment the policy pins for a connection name, else the profile's own.
    pub fn environment(&self, connection: &str, profile_env: Environment) -> Environment {
        self.connections
            .iter()
            .find(|c| matches_any(std::slice::from_ref(&c.name), connection))
            .map_or(profile_env, |c| c.environment)
    }

    /// Built-in defaults, then grants widen and denials narrow.
    pub fn allows(&self, role: Role, action: Action, target: Option<Target<'_>>) -> bool {
        let applies = |p: &Permission| {
            p.roles.contains(&role)
                && p.actions.contains(&action)
                && match target {
                    Some(t) => {
                        matches_any(&p.connections, t.connection)
                            && t.topic.is_none_or(|topic| matches_any(&p.topics, topic))
                    }
                    None => p.connections == everything() && p.topics == everything(),
                }
        };
        if self.denials.iter().any(applies) {
            return false;
        }
        let environment = target.map_or(Environment::Dev, |t| self.environment(t.connection, t.environment));
        super::builtin_allows(role, action, environment) || self.grants.iter().any(applies)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXAMPLE: &str = r#"
version = 1

[[connections]]
name = "prod-*"
environment = "prod"

[[assignments]]
user = "alice"
role = "support"

[[assignments]]
user = "*"
role = "developer"

[[grants]]
roles = ["developer"]
actions = ["read_unmasked"]
connections = ["prod-*"]
topics = ["public.*"]

[[denials]]
roles = ["developer"]
actions = ["read_messages"]
topics = ["hr.*"]

[masking]
tags = ["PII"]

[[masking.rules]]
name = "customers"
topics = ["demo.customers"]
paths = ["$.address.street"]
fields = ["*email*"]
detectors = ["card", "iban"]
action = "keep_last:4"
"#;

    #[test]
    fn the_example_parses_and_decides() {
        let policy = Policy::parse(EXAMPLE).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(policy.role_for("alice"), Some(Role::Support));
        assert_eq!(policy.role_for("bob"), Some(Role::Developer));
        let prod =
            |topic| Some(Target { connection: "prod-eu", environment: Environment::Dev, topic: Some(topic) });
        assert!(policy.allows(Role::Developer, Action::ReadUnmasked, prod("public.prices")));
        assert!(!policy.allows(Role::Developer, Action::ReadUnmasked, prod("orders")));
        assert!(!policy.allows(Role::Developer, Action::Produce, prod("public.prices")));
        assert!(!policy.allows(Role::Developer, Action::ReadMessages, prod("hr.salaries")));
        assert!(policy.allows(Role::Developer, Action::ReadMessages, prod("orders")));
        assert!(!policy.allows(Role::Support, Action::ReadUnmasked, prod("public.prices")));
        assert_eq!(policy.masking.rules[0].action, MaskAction::KeepLast(4));
    }

    #[test]
    fn the_documented_example_is_a_valid_policy() {
        let doc = include_str!("../../../../../docs/policy.md");
        let example = doc
            .split("```toml\n")
            .nth(1)
            .and_then(|rest| rest.split("```").next())
            .unwrap_or_else(|| panic!("docs/policy.md has no ```toml example"));
        let policy = Policy::parse(example).unwrap_or_else(|e| panic!("docs/policy.md's example: {e}"));
        assert!(!policy.masking.rules.is_empty() && !policy.assignments.is_empty());
    }

    #[test]
    fn mistakes_are_named() {
        let cases = [
            ("version = 2", "version 2 is not supported"),
            ("colour = 1", "unknown field `colour`"),
            ("[[grants]]\nroles=[\"developer\"]\nactions=[\"fly\"]", "unknown variant `fly`"),
            ("[[masking.rules]]\nname=\"x\"\npaths=[\"email\"]", "must start with `$`"),
            ("[[masking.rules]]\nname=\"x\"\naction=\"shred\"", "unknown masking action"),
        ];
        for (text, expected) in cases {
            let err = Policy::parse(text).unwrap_err();
            assert!(err.contains(expected), "{text}: {err}");
        }
    }
}
