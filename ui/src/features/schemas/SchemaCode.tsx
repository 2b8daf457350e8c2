// A schema, pretty-printed and highlighted, with line numbers. The numbers are CSS
// counters, so the element's text is exactly the schema text (what copying selects too).
import { useMemo } from "react";
import type { SchemaType } from "../../bindings/SchemaType";
import { HighlightedLine } from "./HighlightedLine";
import { tokenizeLines } from "./highlight";
import { languageOf, prettySchema } from "./schemaText";
import "./schemaText.css";

export function SchemaCode({ schemaType, schema }: { schemaType: SchemaType; schema: string }) {
  const language = languageOf(schemaType);
  const lines = useMemo(() => tokenizeLines(prettySchema(schemaType, schema), language), [schemaType, schema, language]);
  return (
    <pre className="schema-code" data-testid="schema-text" data-language={language} tabIndex={0} aria-label="Schema text">
      <code>
        {lines.map((tokens, index) => (
          // Lines are re-made whenever the text changes; their position is their identity.
          <span key={index} className="schema-code__line">
            <HighlightedLine tokens={tokens} />
            {index < lines.length - 1 ? "\n" : null}
          </span>
        ))}
      </code>
    </pre>
  );
}
