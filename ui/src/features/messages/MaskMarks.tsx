// What masking changed in one payload: the row's "masked" badge (how many values, in its
// tooltip), and the detail pane's list of marks — where (the path), by which rule and how
// (redact, pseudonym, keep_last:4). Never anything about the original value: the marks are
// all the backend sends, and the masked text is all there is to see.
import type { MaskMark } from "../../bindings/MaskMark";
import { maskedSummary } from "./payload";

export function MaskedBadge({ marks }: { marks: readonly MaskMark[] }) {
  if (marks.length === 0) return null;
  return (
    <span className="tag tag--masked" data-testid="masked-badge" title={maskedSummary(marks.length)}>
      masked
    </span>
  );
}

interface MaskMarksProps {
  marks: readonly MaskMark[];
  /** A header value: the marks on one line each, under a small label, with no heading. */
  compact?: boolean;
}

export function MaskMarks({ marks, compact = false }: MaskMarksProps) {
  if (marks.length === 0) return null;
  return (
    <div
      className={`mask-marks${compact ? " mask-marks--compact" : ""}`}
      data-testid="mask-marks"
      role="group"
      aria-label={maskedSummary(marks.length)}
    >
      {compact ? (
        <span className="tag tag--masked">masked</span>
      ) : (
        <h6 className="mask-marks__title">
          Masked <span className="muted">({marks.length})</span>
        </h6>
      )}
      <ul className="mask-marks__list">
        {marks.map((mark, index) => (
          <li key={`${mark.path}-${String(index)}`} className="mask-marks__mark" data-testid="mask-mark">
            <span className="mono">{mark.path}</span>
            {" · "}
            <span>{mark.rule}</span>
            {" · "}
            <span className="mask-marks__action">{mark.action}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
