// The Flink cluster at a glance: version, task managers and slots, jobs by outcome, then
// each task manager with its slots, CPU cores and memory; what this Flink could not report
// is said in its notes rather than shown as zeros.
import type { FlinkOverview } from "../../../bindings/FlinkOverview";
import { formatBytes, formatCount, formatLocalTime } from "../../../components/format";
import { NOT_REPORTED } from "../format";

function bytes(value: number | null): string {
  return value === null ? NOT_REPORTED : formatBytes(value);
}

export function FlinkOverviewCards({ overview }: { overview: FlinkOverview }) {
  const cores = overview.taskManagers.reduce((sum, tm) => sum + (tm.cpuCores ?? 0), 0);
  return (
    <>
      <dl className="fact-cards flink-overview">
        <div className="fact-card">
          <dt>Flink version</dt>
          <dd data-testid="flink-version" data-value={overview.flinkVersion}>
            {overview.flinkVersion}
            {overview.flinkCommit !== null && <span className="fact-card__extra mono">{overview.flinkCommit}</span>}
          </dd>
        </div>
        <div className="fact-card">
          <dt>Task managers</dt>
          <dd data-testid="flink-taskmanager-count" data-value={overview.taskManagers.length}>
            {formatCount(overview.taskManagers.length)}
            {cores > 0 && <span className="fact-card__extra">{formatCount(cores)} CPU cores</span>}
          </dd>
        </div>
        <div className="fact-card">
          <dt>Slots</dt>
          <dd data-testid="flink-slots" data-total={overview.slotsTotal} data-free={overview.slotsAvailable}>
            {formatCount(overview.slotsTotal)}
            <span className="fact-card__extra">{formatCount(overview.slotsAvailable)} free</span>
          </dd>
        </div>
        <div className="fact-card">
          <dt>Jobs running</dt>
          <dd data-testid="flink-jobs-running">{formatCount(overview.jobsRunning)}</dd>
        </div>
        <div className="fact-card">
          <dt>Finished</dt>
          <dd data-testid="flink-jobs-finished">{formatCount(overview.jobsFinished)}</dd>
        </div>
        <div className={`fact-card${overview.jobsFailed > 0 ? " fact-card--warning" : ""}`}>
          <dt>Failed</dt>
          <dd data-testid="flink-jobs-failed">{formatCount(overview.jobsFailed)}</dd>
        </div>
        <div className="fact-card">
          <dt>Cancelled</dt>
          <dd data-testid="flink-jobs-cancelled">{formatCount(overview.jobsCancelled)}</dd>
        </div>
      </dl>
      {overview.notes.map((note) => (
        <p key={note} className="muted flink-note" data-testid="flink-overview-note">
          {note}
        </p>
      ))}
      {overview.taskManagers.length > 0 && (
        <section className="detail-section" aria-label="Task managers">
          <h4>Task managers</h4>
          <div className="table-scroll">
            <table className="data-table taskmanager-table" data-testid="taskmanager-table">
              <thead>
                <tr>
                  <th scope="col">Host</th>
                  <th scope="col" className="numeric">Slots free / total</th>
                  <th scope="col" className="numeric">CPU cores</th>
                  <th scope="col" className="numeric">Physical memory</th>
                  <th scope="col" className="numeric">Process memory</th>
                  <th scope="col" className="numeric">Managed memory</th>
                  <th scope="col">Last heartbeat</th>
                </tr>
              </thead>
              <tbody>
                {overview.taskManagers.map((tm) => (
                  <tr key={tm.id} data-testid="taskmanager-row" data-taskmanager-id={tm.id}>
                    <td className="mono" title={tm.id}>
                      {tm.host}
                    </td>
                    <td className="numeric">
                      {formatCount(tm.slotsFree)} / {formatCount(tm.slotsTotal)}
                    </td>
                    <td className="numeric">{tm.cpuCores === null ? NOT_REPORTED : formatCount(tm.cpuCores)}</td>
                    <td className="numeric">{bytes(tm.physicalMemory)}</td>
                    <td className="numeric">{bytes(tm.processMemory)}</td>
                    <td className="numeric">{bytes(tm.managedMemory)}</td>
                    <td className="mono">{tm.lastHeartbeat === null ? NOT_REPORTED : formatLocalTime(tm.lastHeartbeat, "clock")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </>
  );
}
