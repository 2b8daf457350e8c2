// A schema version's references: the name it imports or uses, and the subject version
// that defines it.
import type { SchemaReference } from "../../bindings/SchemaReference";

export function ReferencesTable({ references }: { references: readonly SchemaReference[] }) {
  if (references.length === 0) {
    return (
      <p className="muted" data-testid="schema-no-references">
        No references.
      </p>
    );
  }
  return (
    <table className="data-table schema-references" data-testid="schema-references">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Subject</th>
          <th scope="col" className="numeric">
            Version
          </th>
        </tr>
      </thead>
      <tbody>
        {references.map((reference) => (
          <tr key={reference.name} data-testid="schema-reference-row" data-name={reference.name}>
            <td className="mono">{reference.name}</td>
            <td className="mono">{reference.subject}</td>
            <td className="numeric">v{reference.version}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
