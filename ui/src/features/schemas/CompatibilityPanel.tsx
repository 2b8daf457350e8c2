// The Check compatibility tab of a subject: an editor prefilled with the latest schema,
// Check (would the registry accept it as the next version? ✓, or what it objects to),
// and — for developers and admins — Register as new version, which shows the new id and
// refreshes the subject. The draft keeps the latest version's type and references.
import { useId, useState } from "react";
import type { SchemaDraft } from "../../bindings/SchemaDraft";
import type { SubjectDetail } from "../../bindings/SubjectDetail";
import { InlineError } from "../../components/InlineError";
import { useCanRegisterSchemas } from "./permissions";
import { useCheckCompatibility, useRegisterSchema } from "./queries";
import { prettySchema, SCHEMA_TYPE_LABELS } from "./schemaText";

export function CompatibilityPanel({ connectionId, detail }: { connectionId: string; detail: SubjectDetail }) {
  const editorId = useId();
  const { latest } = detail;
  const [text, setText] = useState(() => prettySchema(latest.schemaType, latest.schema));
  const check = useCheckCompatibility(connectionId, detail.subject);
  const register = useRegisterSchema(connectionId, detail.subject);
  const canRegister = useCanRegisterSchemas();
  const busy = check.isPending || register.isPending;
  const draft = (): SchemaDraft => ({ schemaType: latest.schemaType, schema: text, references: latest.references });
  const report = check.data;

  return (
    <div className="compat-panel" data-testid="compat-panel">
      <div className="field">
        <label htmlFor={editorId}>
          Draft {SCHEMA_TYPE_LABELS[latest.schemaType]} schema{" "}
          <span className="muted">(starts as v{latest.version}, the latest)</span>
        </label>
        <textarea
          id={editorId}
          className="mono compat-panel__editor"
          data-testid="compat-editor"
          rows={16}
          spellCheck={false}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            // A result is about the text it was asked for; an edit makes it stale.
            check.reset();
            register.reset();
          }}
        />
      </div>
      <div className="compat-panel__actions">
        <button
          type="button"
          className="button"
          data-testid="compat-check"
          disabled={busy || text.trim() === ""}
          onClick={() => {
            register.reset();
            check.mutate(draft());
          }}
        >
          {check.isPending ? "Checking…" : "Check compatibility"}
        </button>
        {canRegister && (
          <button
            type="button"
            className="button button--primary"
            data-testid="schema-register"
            disabled={busy || text.trim() === ""}
            onClick={() => {
              check.reset();
              register.mutate(draft());
            }}
          >
            {register.isPending ? "Registering…" : "Register as new version"}
          </button>
        )}
      </div>

      {report !== undefined &&
        (report.compatible ? (
          <p className="compat-result compat-result--ok" data-testid="compat-result" data-compatible="true" role="status">
            ✓ Compatible with {detail.subject} under {detail.compatibility}.
          </p>
        ) : (
          <div className="compat-result compat-result--bad" data-testid="compat-result" data-compatible="false" role="status">
            <strong>✗ Not compatible under {detail.compatibility}</strong>
            {report.messages.length === 0 ? (
              <p>The registry gave no reason.</p>
            ) : (
              <ul>
                {report.messages.map((message, index) => (
                  // The registry's messages can repeat; their order is all they have.
                  <li key={index} data-testid="compat-message">
                    {message}
                  </li>
                ))}
              </ul>
            )}
          </div>
        ))}
      {register.data !== undefined && (
        <p className="compat-result compat-result--ok" data-testid="register-result" data-schema-id={register.data.id} role="status">
          Registered: schema id {register.data.id}.
        </p>
      )}
      {check.error !== null && <InlineError error={check.error} />}
      {register.error !== null && <InlineError error={register.error} />}
    </div>
  );
}
