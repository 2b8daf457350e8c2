// The records captured from the job's topics around the scrubbed time: a page before it and a
// page from it on, split by a line at the scrubbed time, searchable (key, value and header
// text), each row as the message browser shows one (masked values with their badge); the
// record clicked opens beside the list in the message browser's detail pane (the masks listed
// by path and rule) and is marked on the timeline. Earlier/Later move the scrubbed time past
// the page shown. The records were masked for the manifest's role when they were captured:
// what is shown is all the file holds.
import { useId, useState } from "react";
import type { CapturedRecord } from "../../../bindings/CapturedRecord";
import { formatLocalTime, pluralize } from "../../../components/format";
import { InlineError } from "../../../components/InlineError";
import { Spinner } from "../../../components/Spinner";
import { MessageDetail } from "../../messages/MessageDetail";
import { PayloadCell } from "../../messages/PayloadCell";
import { searchText, useCapturedRecords } from "./useCapturedRecords";
import "../../messages/messages.css";

interface RecordsPanelProps {
  path: string;
  at: number;
  maskedFor: string;
  search: string;
  onSearchChange: (search: string) => void;
  selected: CapturedRecord | null;
  onSelect: (record: CapturedRecord | null) => void;
  onScrub: (at: number) => void;
}

function RecordRow({ record, selected, onSelect }: { record: CapturedRecord; selected: boolean; onSelect: () => void }) {
  const { timestamp, partition, offset, key, value } = record.record;
  return (
    <tr
      className={`captured-record${selected ? " captured-record--selected" : ""}`}
      data-testid="captured-record"
      data-seq={record.seq}
      data-at={timestamp ?? undefined}
      aria-selected={selected}
      onClick={onSelect}
    >
      <td className="mono">
        {/* The row takes the click; the button gives it a keyboard stop. */}
        <button type="button" className="link-button captured-record__open">
          {timestamp === null ? "no time" : formatLocalTime(timestamp, "clock-millis")}
        </button>
      </td>
      <td className="captured-record__topic" title={`${record.direction === "input" ? "Read from" : "Written to"} ${record.topic}`}>
        <span className={`tag ${record.direction === "input" ? "tag--accent" : "tag--muted"}`}>{record.direction === "input" ? "in" : "out"}</span>{" "}
        <span className="mono">{record.topic}</span>
      </td>
      <td className="mono numeric">
        {partition}/{offset}
      </td>
      <td className="captured-record__payload" data-testid="captured-record-key">
        <PayloadCell payload={key} role="key" />
      </td>
      <td className="captured-record__payload" data-testid="captured-record-value">
        <PayloadCell payload={value} role="value" />
      </td>
    </tr>
  );
}

export function RecordsPanel({ path, at, maskedFor, search, onSearchChange, selected, onSelect, onScrub }: RecordsPanelProps) {
  const searchId = useId();
  const expressionId = useId();
  const [expression, setExpression] = useState("");
  const records = useCapturedRecords(path, at, search, expression);
  const page = records.data;
  const contains = searchText(search);
  const oldest = page?.before[0]?.record.timestamp ?? null;
  const newest = page?.after.at(-1)?.record.timestamp ?? null;
  const rows = (list: readonly CapturedRecord[]) =>
    list.map((record) => (
      <RecordRow
        key={record.seq}
        record={record}
        selected={record.seq === selected?.seq}
        onSelect={() => {
          onSelect(record);
        }}
      />
    ));

  return (
    <div className="records-panel" data-testid="records-panel" data-loading={records.pending}>
      <div className="toolbar records-panel__toolbar">
        <label className="visually-hidden" htmlFor={searchId}>
          Search captured records
        </label>
        <input
          id={searchId}
          type="search"
          className="search-input records-panel__search"
          placeholder="Search keys, values and headers"
          autoComplete="off"
          spellCheck={false}
          data-testid="records-search"
          value={search}
          onChange={(event) => {
            onSearchChange(event.target.value);
          }}
        />
        <label className="visually-hidden" htmlFor={expressionId}>
          Filter captured records with a CEL expression
        </label>
        <input
          id={expressionId}
          type="search"
          className="search-input records-panel__search"
          placeholder='CEL, e.g. value.total > 100.0'
          autoComplete="off"
          spellCheck={false}
          data-testid="records-expression"
          value={expression}
          onChange={(event) => {
            setExpression(event.target.value);
          }}
        />
        <button
          type="button"
          className="button"
          data-testid="records-earlier"
          disabled={oldest === null}
          onClick={() => {
            if (oldest !== null) onScrub(oldest);
          }}
        >
          ← Earlier
        </button>
        <button
          type="button"
          className="button"
          data-testid="records-later"
          disabled={newest === null}
          onClick={() => {
            if (newest !== null) onScrub(newest + 1);
          }}
        >
          Later →
        </button>
        {records.pending && <Spinner label="Reading records…" />}
        <span className="toolbar__spacer" />
        <span className="muted records-panel__masked" data-testid="records-masked-for">
          Masked for the {maskedFor} role when captured
        </span>
      </div>
      {records.error !== null && <InlineError error={records.error} />}
      {page !== undefined && (
        <p className="muted records-panel__count" data-testid="records-count" data-before={page.before.length} data-after={page.after.length}>
          {pluralize(page.before.length, "record")} before and {pluralize(page.after.length, "record")} from {formatLocalTime(at, "clock-millis")} on
          {contains !== null && ` matching “${contains}”`}
        </p>
      )}
      <div className="records-panel__body">
        <div className="records-panel__list">
          {page === undefined ? (
            records.pending && <Spinner label="Reading the captured records…" />
          ) : page.before.length + page.after.length === 0 ? (
            <p className="empty-state" data-testid="records-empty">
              {contains === null
                ? "No records were captured around this time (the recording may not capture any topic)."
                : `No captured record around this time contains “${contains}”.`}
            </p>
          ) : (
            <table className="data-table records-table" data-testid="records-table">
              <colgroup>
                <col className="records-table__time" />
                <col className="records-table__topic" />
                <col className="records-table__position" />
                <col className="records-table__key" />
                <col />
              </colgroup>
              <thead>
                <tr>
                  <th scope="col">Time</th>
                  <th scope="col">Topic</th>
                  <th scope="col" className="numeric">
                    P/offset
                  </th>
                  <th scope="col">Key</th>
                  <th scope="col">Value</th>
                </tr>
              </thead>
              <tbody>
                {rows(page.before)}
                <tr className="records-table__now" data-testid="records-now" aria-hidden="true">
                  <td colSpan={5}>▼ {formatLocalTime(at, "clock-millis")} — the scrubbed time</td>
                </tr>
                {rows(page.after)}
              </tbody>
            </table>
          )}
        </div>
        {selected !== null && (
          <div className="records-panel__detail">
            {selected.record.timestamp !== null && (
              <button
                type="button"
                className="button"
                data-testid="record-scrub-here"
                onClick={() => {
                  if (selected.record.timestamp !== null) onScrub(selected.record.timestamp);
                }}
              >
                Move the timeline here
              </button>
            )}
            <MessageDetail
              message={selected.record}
              onClose={() => {
                onSelect(null);
              }}
            />
          </div>
        )}
      </div>
    </div>
  );
}
