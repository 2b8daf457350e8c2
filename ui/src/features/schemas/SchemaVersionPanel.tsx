// The Schema tab of a subject: pick a version (the latest at first), then its id, type,
// references and the schema itself, pretty-printed and highlighted.
import { useState } from "react";
import type { SubjectDetail } from "../../bindings/SubjectDetail";
import { InlineError } from "../../components/InlineError";
import { Spinner } from "../../components/Spinner";
import { useSubjectVersion } from "./queries";
import { ReferencesTable } from "./ReferencesTable";
import { SchemaCode } from "./SchemaCode";
import { SCHEMA_TYPE_LABELS } from "./schemaText";
import { VersionSelect } from "./VersionSelect";

export function SchemaVersionPanel({ connectionId, detail }: { connectionId: string; detail: SubjectDetail }) {
  const [chosen, setChosen] = useState<number | null>(null);
  // Until one is picked, follow the latest (it moves when a new version is registered).
  const version = chosen ?? detail.latest.version;
  const shown = useSubjectVersion(connectionId, detail.subject, version);
  const data = shown.data;

  return (
    <div className="schema-version">
      <div className="toolbar schema-toolbar">
        <VersionSelect label="Version" versions={detail.versions} value={version} onChange={setChosen} testId="version-select" />
        {data !== undefined && (
          <span className="schema-version__facts" data-testid="schema-version-facts">
            <span>
              Schema id <strong data-testid="schema-id">{data.id}</strong>
            </span>
            <span className="tag tag--accent" data-testid="schema-type" data-value={data.schemaType}>
              {SCHEMA_TYPE_LABELS[data.schemaType]}
            </span>
          </span>
        )}
      </div>
      {shown.error !== null ? (
        <InlineError
          error={shown.error}
          onRetry={() => {
            void shown.refetch();
          }}
          retrying={shown.isFetching}
        />
      ) : data === undefined ? (
        <Spinner label="Loading the schema…" />
      ) : (
        <>
          <section className="schema-section" aria-label="References">
            <h5>References</h5>
            <ReferencesTable references={data.references} />
          </section>
          <SchemaCode schemaType={data.schemaType} schema={data.schema} />
        </>
      )}
    </div>
  );
}
