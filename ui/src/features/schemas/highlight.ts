// A small syntax highlighter for schemas: JSON (Avro, JSON Schema) and .proto text, cut
// into lines of typed tokens that components render as <span>s — never as HTML, so a
// schema's text cannot inject markup. Only what helps reading is told apart: keys, strings,
// numbers, keywords, types, comments and punctuation.
import type { SchemaLanguage } from "./schemaText";

export type TokenKind = "key" | "string" | "number" | "keyword" | "type" | "comment" | "punct" | "plain";

export interface Token {
  kind: TokenKind;
  text: string;
}

interface Rule {
  pattern: RegExp;
  kind: (match: string, rest: string) => TokenKind;
}

// Sticky patterns, tried in order at the current position.
const JSON_RULES: Rule[] = [
  { pattern: /"(?:[^"\\]|\\.)*"?/y, kind: (_m, rest) => (/^\s*:/.test(rest) ? "key" : "string") },
  { pattern: /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y, kind: () => "number" },
  { pattern: /\b(?:true|false|null)\b/y, kind: () => "keyword" },
  { pattern: /[{}[\],:]/y, kind: () => "punct" },
];

const PROTO_KEYWORDS: ReadonlySet<string> = new Set([
  "syntax", "edition", "package", "import", "option", "message", "enum", "service", "rpc", "returns",
  "oneof", "map", "repeated", "optional", "required", "reserved", "extend", "extensions", "stream",
  "public", "weak", "to", "max", "true", "false",
]);

const PROTO_TYPES: ReadonlySet<string> = new Set([
  "double", "float", "int32", "int64", "uint32", "uint64", "sint32", "sint64", "fixed32", "fixed64",
  "sfixed32", "sfixed64", "bool", "string", "bytes",
]);

const PROTO_RULES: Rule[] = [
  { pattern: /\/\/.*/y, kind: () => "comment" },
  { pattern: /"(?:[^"\\]|\\.)*"?|'(?:[^'\\]|\\.)*'?/y, kind: () => "string" },
  { pattern: /-?(?:0x[0-9a-fA-F]+|\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)\b/y, kind: () => "number" },
  {
    pattern: /[A-Za-z_][\w.]*/y,
    kind: (word) => (PROTO_KEYWORDS.has(word) ? "keyword" : PROTO_TYPES.has(word) ? "type" : "plain"),
  },
  { pattern: /[{}[\]()<>;=,]/y, kind: () => "punct" },
];

function push(tokens: Token[], kind: TokenKind, text: string): void {
  const last = tokens.at(-1);
  if (last?.kind === kind && kind === "plain") last.text += text;
  else tokens.push({ kind, text });
}

function tokenizeLine(line: string, rules: Rule[], inComment: boolean): { tokens: Token[]; inComment: boolean } {
  const tokens: Token[] = [];
  let i = 0;
  let open = inComment;
  while (i < line.length) {
    if (open) {
      const end = line.indexOf("*/", i);
      const stop = end < 0 ? line.length : end + 2;
      push(tokens, "comment", line.slice(i, stop));
      open = end < 0;
      i = stop;
      continue;
    }
    if (rules === PROTO_RULES && line.startsWith("/*", i)) {
      open = true;
      continue;
    }
    let matched = false;
    for (const rule of rules) {
      rule.pattern.lastIndex = i;
      const found = rule.pattern.exec(line);
      if (found === null || found[0] === "") continue;
      push(tokens, rule.kind(found[0], line.slice(i + found[0].length)), found[0]);
      i += found[0].length;
      matched = true;
      break;
    }
    if (!matched) {
      push(tokens, "plain", line.charAt(i));
      i += 1;
    }
  }
  return { tokens, inComment: open };
}

/** The text's lines, each as tokens whose texts join back to exactly that line. */
export function tokenizeLines(text: string, language: SchemaLanguage): Token[][] {
  const rules = language === "proto" ? PROTO_RULES : JSON_RULES;
  let inComment = false;
  return text.split("\n").map((line) => {
    const result = tokenizeLine(line, rules, inComment);
    inComment = result.inComment;
    return result.tokens;
  });
}
