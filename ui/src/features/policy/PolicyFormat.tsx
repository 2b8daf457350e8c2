// A short reminder of the policy file's shape beside the editor: its sections and their
// keys. The whole format, with examples, is docs/policy.md section 3.

const SECTIONS: readonly { header: string; what: string; keys: string }[] = [
  { header: "version = 1", what: "Optional; 1 is the only version.", keys: "" },
  { header: "[[connections]]", what: "Pin a connection's environment by its name.", keys: "name, environment" },
  { header: "[[assignments]]", what: "A role per OS user; \"*\" is everyone not named.", keys: "user, role" },
  { header: "[[grants]]", what: "Widen the built-in permissions.", keys: "roles, actions, connections, topics" },
  { header: "[[denials]]", what: "Narrow them: a matching denial beats every grant.", keys: "roles, actions, connections, topics" },
  { header: "[masking]", what: "Schema tags and the built-in rule.", keys: "tag_attributes, tags, tag_action, builtin_rule" },
  {
    header: "[[masking.rules]]",
    what: "Mask fields, paths or detector findings on topics; the first matching rule wins.",
    keys: "name, topics, paths, fields, allow_only, detectors, action",
  },
];

export function PolicyFormat() {
  return (
    <aside className="policy-format" data-testid="policy-format" aria-labelledby="policy-format-title">
      <h3 id="policy-format-title">The policy file (TOML)</h3>
      <dl className="policy-format__sections">
        {SECTIONS.map(({ header, what, keys }) => (
          <div key={header} className="policy-format__section">
            <dt className="mono">{header}</dt>
            <dd>
              {what}
              {keys !== "" && <span className="policy-format__keys mono">{keys}</span>}
            </dd>
          </div>
        ))}
      </dl>
      <p className="policy-format__more">
        Roles: <span className="mono">admin, developer, support, troubleshooter</span>. Masking actions:{" "}
        <span className="mono">redact, keep_first:N, keep_last:N, pseudonym, remove, null</span>. Every table refuses unknown
        keys. The whole format, with examples: <span className="mono">docs/policy.md</span>, section 3.
      </p>
    </aside>
  );
}
