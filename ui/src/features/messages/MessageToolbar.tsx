// The seek toolbar: where to start (Newest per partition, Oldest, an offset or a time),
// which partition, the page size, a text filter and a CEL expression. The selects apply at
// once; typed values (offset, time, filter, expression) apply on Enter or Apply. The
// expression's fields and examples show under it while it has the focus; when the backend
// refused the expression, the field is marked invalid and described by that error. Controls
// passed as children (the topic's decoding, Export…) follow Apply.
import { useId, type ReactNode, type SubmitEvent } from "react";
import { timeDisplay } from "../../components/timeFormat";
import { needsValue, SEEK_MODE_LABELS, SEEK_MODES, type SeekDraft, type SeekMode } from "./seek";

interface MessageToolbarProps {
  draft: SeekDraft;
  partitionIds: readonly number[];
  /** The page sizes offered (PAGE_SIZES and the default from Settings). */
  pageSizes: readonly number[];
  onDraftChange: (draft: SeekDraft) => void;
  /** Apply this draft (the selects pass their new draft; Enter and Apply pass the current one). */
  onApply: (draft: SeekDraft) => void;
  /** The id of the backend's refusal of the applied expression; undefined while there is none. */
  expressionErrorId?: string | undefined;
  children?: ReactNode;
}

function isSeekMode(value: string): value is SeekMode {
  return (SEEK_MODES as readonly string[]).includes(value);
}

export function MessageToolbar({
  draft,
  partitionIds,
  pageSizes,
  onDraftChange,
  onApply,
  expressionErrorId,
  children,
}: MessageToolbarProps) {
  const ids = {
    mode: useId(),
    value: useId(),
    partition: useId(),
    size: useId(),
    filter: useId(),
    expression: useId(),
    expressionHint: useId(),
  };
  const expressionInvalid = expressionErrorId !== undefined;

  const change = (patch: Partial<SeekDraft>, applyNow: boolean) => {
    const next = { ...draft, ...patch };
    onDraftChange(next);
    // A start that needs a value waits for one (and Enter or Apply).
    if (applyNow && (!needsValue(next.mode) || next.value.trim() !== "")) onApply(next);
  };

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    onApply(draft);
  };

  return (
    <form className="toolbar messages-toolbar" aria-label="Seek" noValidate onSubmit={onSubmit}>
      <div className="messages-toolbar__field">
        <label htmlFor={ids.mode}>Start</label>
        <select
          id={ids.mode}
          data-testid="seek-mode"
          value={draft.mode}
          onChange={(event) => {
            const mode = event.target.value;
            if (isSeekMode(mode)) change({ mode, value: mode === draft.mode ? draft.value : "" }, true);
          }}
        >
          {SEEK_MODES.map((mode) => (
            <option key={mode} value={mode}>
              {SEEK_MODE_LABELS[mode]}
            </option>
          ))}
        </select>
      </div>
      {needsValue(draft.mode) && (
        <div className="messages-toolbar__field">
          <label htmlFor={ids.value}>{draft.mode === "offset" ? "Offset" : `Time (${timeDisplay().timeZone})`}</label>
          <input
            id={ids.value}
            data-testid="seek-value"
            className={draft.mode === "offset" ? "messages-toolbar__offset" : undefined}
            type={draft.mode === "offset" ? "number" : "datetime-local"}
            min={draft.mode === "offset" ? 0 : undefined}
            step={draft.mode === "offset" ? 1 : "0.001"}
            value={draft.value}
            onChange={(event) => {
              change({ value: event.target.value }, false);
            }}
          />
        </div>
      )}
      <div className="messages-toolbar__field">
        <label htmlFor={ids.partition}>Partition</label>
        <select
          id={ids.partition}
          data-testid="seek-partition"
          value={String(draft.partition)}
          onChange={(event) => {
            const value = event.target.value;
            change({ partition: value === "all" ? "all" : Number(value) }, true);
          }}
        >
          <option value="all">All</option>
          {partitionIds.map((id) => (
            <option key={id} value={String(id)}>
              {id}
            </option>
          ))}
        </select>
      </div>
      <div className="messages-toolbar__field">
        <label htmlFor={ids.size} title={draft.mode === "latest" ? "Messages per partition" : "Messages per page"}>
          {draft.mode === "latest" ? "Per partition" : "Page size"}
        </label>
        <select
          id={ids.size}
          data-testid="page-size"
          value={String(draft.pageSize)}
          onChange={(event) => {
            change({ pageSize: Number(event.target.value) }, true);
          }}
        >
          {pageSizes.map((size) => (
            <option key={size} value={String(size)}>
              {size}
            </option>
          ))}
        </select>
      </div>
      <div className="messages-toolbar__field messages-toolbar__filter">
        <label htmlFor={ids.filter}>Filter</label>
        <input
          id={ids.filter}
          type="search"
          className="search-input"
          placeholder="Text in key, value or headers"
          autoComplete="off"
          spellCheck={false}
          data-testid="message-filter"
          value={draft.filter}
          onChange={(event) => {
            change({ filter: event.target.value }, false);
          }}
        />
      </div>
      <div className="messages-toolbar__field messages-toolbar__expression">
        <label htmlFor={ids.expression}>Expression (CEL)</label>
        <input
          id={ids.expression}
          type="text"
          className="mono"
          placeholder="e.g. value.amount.value > 500.0"
          autoComplete="off"
          spellCheck={false}
          data-testid="message-expression"
          aria-invalid={expressionInvalid}
          aria-describedby={expressionInvalid ? `${ids.expressionHint} ${expressionErrorId}` : ids.expressionHint}
          value={draft.expression}
          onChange={(event) => {
            change({ expression: event.target.value }, false);
          }}
        />
        <ExpressionHint id={ids.expressionHint} />
      </div>
      <button type="submit" className="button button--primary messages-toolbar__apply" data-testid="apply-seek">
        Apply
      </button>
      {children}
    </form>
  );
}

/** What an expression can read, with examples; shown under the field while it has the focus. */
function ExpressionHint({ id }: { id: string }) {
  return (
    <div className="messages-toolbar__hint" id={id} data-testid="message-expression-hint">
      <p>
        Keeps the messages for which the expression is true. It reads <code>key</code>, <code>value</code> (JSON as an
        object), <code>headers</code>, <code>partition</code>, <code>offset</code>, <code>timestamp</code> (ms) and{" "}
        <code>size</code> (bytes), as masked for your role. For example:
      </p>
      <ul>
        {EXPRESSION_EXAMPLES.map((example) => (
          <li key={example}>
            <code>{example}</code>
          </li>
        ))}
      </ul>
      <p>A message the expression cannot evaluate (a field it lacks, a type that does not fit) does not match.</p>
    </div>
  );
}

const EXPRESSION_EXAMPLES: readonly string[] = [
  "value.amount.value > 500.0",
  "value.status == 'failed' && partition == 0",
  "headers['source'] == 'payments-service'",
  "key.startsWith('P-') && size > 1024",
];
