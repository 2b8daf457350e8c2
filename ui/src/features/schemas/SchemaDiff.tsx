// Compare two versions of a subject side by side: pick the left and right versions
// (the one before the latest and the latest at first), each pretty-printed and
// highlighted, removed lines marked on the left, added lines on the right.
import { useMemo, useState } from "react";
import type { SubjectDetail } from "../../bindings/SubjectDetail";
import type { SubjectVersion } from "../../bindings/SubjectVersion";
import { pluralize } from "../../components/format";
import { InlineError } from "../../components/InlineError";
import { Spinner } from "../../components/Spinner";
import { HighlightedLine } from "./HighlightedLine";
import { tokenizeLines, type Token } from "./highlight";
import { useSubjectVersion } from "./queries";
import { sideBySide, type DiffCell } from "./schemaDiff";
import { languageOf, prettySchema } from "./schemaText";
import { VersionSelect } from "./VersionSelect";
import "./schemaText.css";

function Cells({ cell, tokens }: { cell: DiffCell | null; tokens: readonly (readonly Token[])[] }) {
  if (cell === null) {
    return (
      <>
        <td className="schema-diff__number" />
        <td className="schema-diff__text schema-diff__text--empty" data-diff="empty" />
      </>
    );
  }
  return (
    <>
      <td className={`schema-diff__number schema-diff__number--${cell.kind}`}>{cell.number}</td>
      <td className={`schema-diff__text schema-diff__text--${cell.kind}`} data-diff={cell.kind}>
        <HighlightedLine tokens={tokens[cell.number - 1] ?? [{ kind: "plain", text: cell.text }]} />
      </td>
    </>
  );
}

function DiffTable({ left, right }: { left: SubjectVersion; right: SubjectVersion }) {
  const diff = useMemo(() => {
    const leftText = prettySchema(left.schemaType, left.schema);
    const rightText = prettySchema(right.schemaType, right.schema);
    return {
      ...sideBySide(leftText, rightText),
      leftTokens: tokenizeLines(leftText, languageOf(left.schemaType)),
      rightTokens: tokenizeLines(rightText, languageOf(right.schemaType)),
    };
  }, [left, right]);
  return (
    <>
      <p className="muted schema-diff__summary" data-testid="diff-summary" data-added={diff.added} data-removed={diff.removed}>
        {diff.added === 0 && diff.removed === 0
          ? "The two versions are the same."
          : `${pluralize(diff.added, "line")} added, ${pluralize(diff.removed, "line")} removed`}
      </p>
      <div className="schema-diff__scroll">
        <table className="schema-diff" data-testid="schema-diff">
          <colgroup>
            <col className="schema-diff__number-col" />
            <col />
            <col className="schema-diff__number-col" />
            <col />
          </colgroup>
          <thead>
            <tr>
              <th colSpan={2} scope="colgroup">
                v{left.version} <span className="muted">(id {left.id})</span>
              </th>
              <th colSpan={2} scope="colgroup">
                v{right.version} <span className="muted">(id {right.id})</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {diff.rows.map((row, index) => (
              // Rows are re-made whenever either side changes; their position is their identity.
              <tr key={index} data-testid="diff-row">
                <Cells cell={row.left} tokens={diff.leftTokens} />
                <Cells cell={row.right} tokens={diff.rightTokens} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export function SchemaDiff({ connectionId, detail }: { connectionId: string; detail: SubjectDetail }) {
  const newestFirst = [...detail.versions].sort((a, b) => b - a);
  const latest = detail.latest.version;
  const [leftVersion, setLeftVersion] = useState(newestFirst[1] ?? latest);
  const [rightVersion, setRightVersion] = useState(latest);
  const left = useSubjectVersion(connectionId, detail.subject, leftVersion);
  const right = useSubjectVersion(connectionId, detail.subject, rightVersion);
  const error = left.error ?? right.error;

  return (
    <div className="schema-diff-view">
      <div className="toolbar schema-toolbar">
        <VersionSelect label="Left" versions={detail.versions} value={leftVersion} onChange={setLeftVersion} testId="diff-left-version" />
        <VersionSelect label="Right" versions={detail.versions} value={rightVersion} onChange={setRightVersion} testId="diff-right-version" />
        {detail.versions.length < 2 && <span className="muted">This subject has only one version.</span>}
      </div>
      {error !== null ? (
        <InlineError
          error={error}
          onRetry={() => {
            void left.refetch();
            void right.refetch();
          }}
        />
      ) : left.data === undefined || right.data === undefined ? (
        <Spinner label="Loading versions…" />
      ) : (
        <DiffTable left={left.data} right={right.data} />
      )}
    </div>
  );
}
