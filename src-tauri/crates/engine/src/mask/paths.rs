//! Where in a decoded record a rule applies: JSON paths (`$.customer.email`,
//! `$.items[*].card`, `$..email` at any depth, `$.meta.*`) and field-name globs
//! (`*email*`, case-insensitive). A value's own path is a list of [`Step`]s from the root.

use std::borrow::Cow;

use regex::Regex;

/// One step from the root to a value: an object key (borrowed from the JSON text where it
/// needs no unescaping) or an array position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step<'a> {
    Key(Cow<'a, str>),
    Index(usize),
}

/// Renders a path the way the policy writes it: `$.items[2].card`.
pub fn render(path: &[Step<'_>]) -> String {
    let mut out = String::from("$");
    for step in path {
        match step {
            Step::Key(k) => {
                out.push('.');
                out.push_str(k);
            }
            Step::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Segment {
    Key(String),
    AnyKey,
    AnyIndex,
    Index(usize),
    /// `..`: any number of steps (zero or more).
    Descend,
}

/// A compiled JSON path pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathPattern {
    segments: Vec<Segment>,
    text: String,
}

impl PathPattern {
    pub fn parse(text: &str) -> Result<Self, String> {
        let bad = |why: &str| format!("JSON path `{text}`: {why}");
        let rest = text.trim().strip_prefix('$').ok_or_else(|| bad("must start with `$`"))?;
        let mut segments = Vec::new();
        let mut chars = rest.char_indices().peekable();
        let bytes = rest;
        while let Some((i, c)) = chars.next() {
            match c {
                '.' => {
                    if matches!(chars.peek(), Some((_, '.'))) {
                        chars.next();
                        segments.push(Segment::Descend);
                    }
                    let start = chars.peek().map_or(bytes.len(), |(j, _)| *j);
                    let mut end = start;
                    while let Some((j, c)) = chars.peek() {
                        if *c == '.' || *c == '[' {
                            break;
                        }
                        end = j + c.len_utf8();
                        chars.next();
                    }
                    let name = &bytes[start..end];
                    match name {
                        "" if segments.last() == Some(&Segment::Descend) => {}
                        "" => return Err(bad(&format!("empty name at {}", i + 1))),
                        "*" => segments.push(Segment::AnyKey),
                        _ => segments.push(Segment::Key(name.to_string())),
                    }
                }
                '[' => {
                    let start = i + 1;
                    let close = bytes[start..].find(']').ok_or_else(|| bad("`[` without `]`"))? + start;
                    let inner = bytes[start..close].trim();
                    while chars.peek().is_some_and(|(j, _)| *j <= close) {
                        chars.next();
                    }
                    let quoted = inner
                        .strip_prefix('\'')
                        .and_then(|s| s.strip_suffix('\''))
                        .or_else(|| inner.strip_prefix('"').and_then(|s| s.strip_suffix('"')));
                    match (inner, quoted) {
                        (_, Some(name)) => segments.push(Segment::Key(name.to_string())),
                        ("*", None) => segments.push(Segment::AnyIndex),
                        (n, None) => {
                            segments.push(Segment::Index(n.parse().map_err(|_| {
                                bad(&format!("`[{n}]` is not an index, `*` or a quoted name"))
                            })?))
                        }
                    }
                }
                other => return Err(bad(&format!("unexpected `{other}` at {}", i + 1))),
            }
        }
        Ok(Self { segments, text: text.trim().to_string() })
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Does the value at `path` match?
    pub fn matches(&self, path: &[Step<'_>]) -> bool {
        matches_from(&self.segments, path)
    }
}

fn matches_from(segments: &[Segment], path: &[Step<'_>]) -> bool {
    let Some((first, rest)) = segments.split_first() else {
        return path.is_empty();
    };
    match first {
        Segment::Descend => (0..=path.len()).any(|skip| matches_from(rest, &path[skip..])),
        _ => match path.split_first() {
            None => false,
            Some((step, tail)) => {
                let ok = match (first, step) {
                    (Segment::Key(k), Step::Key(s)) => k == s.as_ref(),
                    (Segment::AnyKey, Step::Key(_)) => true,
                    (Segment::AnyIndex, Step::Index(_)) => true,
                    (Segment::Index(n), Step::Index(i)) => n == i,
                    _ => false,
                };
                ok && matches_from(rest, tail)
            }
        },
    }
}

/// A field-name glob (`*` any run, `?` one character), case-insensitive; or a regex
/// written between slashes (`/^e-?mail$/`).
#[derive(Debug, Clone)]
pub struct NamePattern {
    regex: Regex,
    text: String,
}

impl NamePattern {
    pub fn parse(text: &str) -> Result<Self, String> {
        let pattern = match text.strip_prefix('/').and_then(|t| t.strip_suffix('/')) {
            Some(regex) => regex.to_string(),
            None => glob_regex(text),
        };
        let regex = Regex::new(&pattern).map_err(|e| format!("field pattern `{text}`: {e}"))?;
        Ok(Self { regex, text: text.to_string() })
    }

    pub fn matches(&self, name: &str) -> bool {
        self.regex.is_match(name)
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The regex it compiled to.
    pub fn source(&self) -> &str {
        self.regex.as_str()
    }
}

/// A case-insensitive anchored regex for a glob.
pub fn glob_regex(glob: &str) -> String {
    let mut out = String::from("(?i)^");
    for c in glob.chars() {
        match c {
            '*' => out.push_str(".*"),
            '?' => out.push('.'),
            c => out.push_str(&regex::escape(&c.to_string())),
        }
    }
    out.push('$');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path<'a>(steps: &[&'a str]) -> Vec<Step<'a>> {
        steps
            .iter()
            .map(|s| s.parse::<usize>().map_or_else(|_| Step::Key(Cow::Borrowed(*s)), Step::Index))
            .collect()
    }

    #[test]
    fn paths_match_keys_indexes_wildcards_and_descent() {
        let cases = [
            ("$.customer.email", &["customer", "email"][..], true),
            ("$.customer.email", &["customer", "name"][..], false),
            ("$.items[*].card", &["items", "3", "card"][..], true),
            ("$.items[1].card", &["items", "3", "card"][..], false),
            ("$..email", &["a", "b", "0", "email"][..], true),
            ("$..email", &["email"][..], true),
            ("$.meta.*", &["meta", "ip"][..], true),
            ("$['odd.name']", &["odd.name"][..], true),
            ("$", &[][..], true),
        ];
        for (pattern, steps, expected) in cases {
            let p = PathPattern::parse(pattern).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(p.matches(&path(steps)), expected, "{pattern} vs {steps:?}");
        }
        assert_eq!(render(&path(&["items", "2", "card"])), "$.items[2].card");
        assert!(PathPattern::parse("customer.email").unwrap_err().contains("must start with `$`"));
        assert!(PathPattern::parse("$.a[x]").unwrap_err().contains("not an index"));
        assert!(PathPattern::parse("$.a[").unwrap_err().contains("without `]`"));
        assert!(PathPattern::parse("$.a.").unwrap_err().contains("empty name"));
    }

    #[test]
    fn names_match_globs_and_regexes() {
        let glob = NamePattern::parse("*email*").unwrap_or_else(|e| panic!("{e}"));
        assert!(glob.matches("customerEmail") && glob.matches("EMAIL") && !glob.matches("mail"));
        let regex = NamePattern::parse("/^e-?mail$/").unwrap_or_else(|e| panic!("{e}"));
        assert!(regex.matches("e-mail") && !regex.matches("emails"));
        assert!(NamePattern::parse("/(/").is_err());
    }
}
