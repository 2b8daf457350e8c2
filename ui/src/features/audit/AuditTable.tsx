// The audit entries, newest first: when, who under which role, what, on which
// connection, and the detail in a few words (the whole JSON in the cell's tooltip).
import type { AuditEntry } from "../../bindings/AuditEntry";
import { formatLocalTime } from "../../components/format";
import { prettyDetail, summarizeDetail } from "./auditDetail";

/** The backend writes RFC 3339 in UTC; shown in local time like message timestamps. */
function formatAt(at: string): string {
  const millis = Date.parse(at);
  return Number.isNaN(millis) ? at : formatLocalTime(millis);
}

function AuditRow({ entry }: { entry: AuditEntry }) {
  return (
    <tr data-testid="audit-row" data-seq={entry.seq} data-action={entry.action}>
      <td className="numeric">{entry.seq}</td>
      <td className="audit-table__time">
        <time dateTime={entry.at} title={entry.at}>
          {formatAt(entry.at)}
        </time>
      </td>
      <td>{entry.user}</td>
      <td>{entry.role}</td>
      <td className="mono">{entry.action}</td>
      <td>{entry.connection ?? <span className="muted">—</span>}</td>
      <td className="audit-table__detail mono" title={prettyDetail(entry.detail)}>
        {summarizeDetail(entry.detail)}
      </td>
    </tr>
  );
}

export function AuditTable({ entries }: { entries: readonly AuditEntry[] }) {
  return (
    <table className="data-table audit-table" data-testid="audit-table">
      <thead>
        <tr>
          <th scope="col" className="numeric">
            Seq
          </th>
          <th scope="col">Time</th>
          <th scope="col">User</th>
          <th scope="col">Role</th>
          <th scope="col">Action</th>
          <th scope="col">Connection</th>
          <th scope="col">Detail</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <AuditRow key={entry.seq} entry={entry} />
        ))}
      </tbody>
    </table>
  );
}
