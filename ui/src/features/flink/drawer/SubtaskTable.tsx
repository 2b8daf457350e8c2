// A vertex's subtasks: where each runs, its records and bytes, busy and back-pressured share
// with the back-pressure level, and its watermark. Subtasks reading far more than their
// siblings (the backend marks them skewed: a hot key or an uneven source) are highlighted,
// with the vertex's skew ratio (max over mean records) above the table.
import type { VertexDetail } from "../../../bindings/VertexDetail";
import { formatBytes, formatCount, formatLocalTime } from "../../../components/format";
import { formatPercent, hasWatermark, NOT_REPORTED } from "../format";

const ONE_DECIMAL = new Intl.NumberFormat(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

function count(value: number | null): string {
  return value === null ? NOT_REPORTED : formatCount(value);
}

function bytes(value: number | null): string {
  return value === null ? NOT_REPORTED : formatBytes(value);
}

export function BackpressureLevel({ level }: { level: string | null }) {
  if (level === null) return <span className="muted">{NOT_REPORTED}</span>;
  const tone = level === "high" ? "danger" : level === "low" ? "warning" : "ok";
  return (
    <span className={`bp-level bp-level--${tone}`} data-testid="backpressure-level" data-level={level}>
      {level}
    </span>
  );
}

export function SubtaskTable({ detail }: { detail: VertexDetail }) {
  const skewed = detail.subtasks.filter((s) => s.skewed).length;
  return (
    <>
      {detail.skewRatio !== null && (
        <p
          className={`drawer-skew${skewed > 0 ? " drawer-skew--hot" : ""}`}
          data-testid="drawer-skew"
          data-ratio={detail.skewRatio}
          data-skewed={skewed}
        >
          Skew {ONE_DECIMAL.format(detail.skewRatio)}× <span className="muted">(busiest subtask’s records over the mean)</span>
          {skewed > 0 && ` · ${String(skewed)} hot subtask${skewed === 1 ? "" : "s"}`}
        </p>
      )}
      <div className="drawer-table-scroll">
        <table className="data-table subtask-table" data-testid="subtask-table">
          <thead>
            <tr>
              <th scope="col" className="numeric">#</th>
              <th scope="col">Status</th>
              <th scope="col" className="numeric">Attempt</th>
              <th scope="col">Host</th>
              <th scope="col" className="numeric">Records in</th>
              <th scope="col" className="numeric">Records out</th>
              <th scope="col" className="numeric">Bytes in</th>
              <th scope="col" className="numeric">Bytes out</th>
              <th scope="col" className="numeric">Busy</th>
              <th scope="col" className="numeric">Back-pressured</th>
              <th scope="col">Level</th>
              <th scope="col">Watermark</th>
            </tr>
          </thead>
          <tbody>
            {detail.subtasks.map((s) => (
              <tr
                key={s.subtask}
                className={s.skewed ? "subtask-row--skewed" : undefined}
                data-testid="subtask-row"
                data-subtask={s.subtask}
                data-skewed={s.skewed}
              >
                <td className="numeric">
                  {s.subtask}
                  {s.skewed && (
                    <span className="tag tag--hot" title="Far more records than the other subtasks">
                      hot
                    </span>
                  )}
                </td>
                <td>{s.status}</td>
                <td className="numeric">{s.attempt}</td>
                <td className="mono">{s.host}</td>
                <td className="numeric">{count(s.readRecords)}</td>
                <td className="numeric">{count(s.writeRecords)}</td>
                <td className="numeric">{bytes(s.readBytes)}</td>
                <td className="numeric">{bytes(s.writeBytes)}</td>
                <td className="numeric">{formatPercent(s.busyPercent)}</td>
                <td className="numeric">{formatPercent(s.backpressuredPercent)}</td>
                <td>
                  <BackpressureLevel level={s.backpressureLevel} />
                </td>
                <td className="mono">{hasWatermark(s.watermark) ? formatLocalTime(s.watermark, "clock-millis") : NOT_REPORTED}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
