// One consumer group inside the Consumer groups tab: its state, members, total lag and
// topics (each a link to the topic), the broker's note when it could not describe the
// group, total lag over time (polled at the Settings refresh interval while this view is
// open), the members with their assignments, committed offsets and lag per partition, and
// — for developers and admins — Reset offsets.
import { useId, useState } from "react";
import { useNavigation } from "../../../app/navigation";
import type { ConnectionProfile } from "../../../bindings/ConnectionProfile";
import type { GroupDetail } from "../../../bindings/GroupDetail";
import type { ResetPlan } from "../../../bindings/ResetPlan";
import { formatCount, pluralize } from "../../../components/format";
import { InlineError } from "../../../components/InlineError";
import { Spinner } from "../../../components/Spinner";
import { TimeSeriesChart } from "../../../components/TimeSeriesChart";
import { TopicLink, TopicLinks } from "../../topics/TopicLink";
import { GroupState } from "../GroupState";
import { appendPoint, type LagPoint } from "../lagHistory";
import { useCanResetOffsets } from "../permissions";
import { useSettings } from "../../settings/queries";
import { useGroupDetail } from "../queries";
import { ResetOffsetsDialog } from "./ResetOffsetsDialog";
import "../groups.css";

function MembersTable({ detail }: { detail: GroupDetail }) {
  if (detail.members.length === 0) {
    return (
      <p className="muted" data-testid="group-no-members">
        {detail.note === null ? "No active members: no consumer of this group is running." : "Members unknown (see the note above)."}
      </p>
    );
  }
  return (
    <table className="data-table" data-testid="group-members">
      <thead>
        <tr>
          <th scope="col">Member</th>
          <th scope="col">Client id</th>
          <th scope="col">Host</th>
          <th scope="col">Assignment</th>
        </tr>
      </thead>
      <tbody>
        {detail.members.map((member) => (
          <tr key={member.memberId} data-testid="group-member-row">
            <td className="mono group-detail__member">{member.memberId}</td>
            <td className="mono">{member.clientId}</td>
            <td className="mono">{member.host}</td>
            <td className="mono">
              {member.assignment.length === 0 ? <span className="muted">nothing</span> : member.assignment.join(", ")}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function PartitionLagTable({ profile, detail }: { profile: ConnectionProfile; detail: GroupDetail }) {
  if (detail.partitions.length === 0) {
    return <p className="muted">This group has no committed offsets.</p>;
  }
  return (
    <table className="data-table" data-testid="group-partitions">
      <thead>
        <tr>
          <th scope="col">Topic</th>
          <th scope="col" className="numeric">
            Partition
          </th>
          <th scope="col" className="numeric">
            Committed
          </th>
          <th scope="col" className="numeric">
            End
          </th>
          <th scope="col" className="numeric">
            Lag
          </th>
          <th scope="col">Consumer</th>
        </tr>
      </thead>
      <tbody>
        {detail.partitions.map((p) => (
          <tr
            key={`${p.topic}-${String(p.partition)}`}
            className={p.lag > 0 ? "group-partition-row--lagging" : undefined}
            data-testid="group-partition-row"
            data-topic={p.topic}
            data-partition={p.partition}
            data-committed={p.committed}
            data-end={p.endOffset}
            data-lag={p.lag}
          >
            <td>
              <TopicLink profile={profile} topic={p.topic} testId="group-partition-topic" />
            </td>
            <td className="numeric">{p.partition}</td>
            <td className="numeric">{formatCount(p.committed)}</td>
            <td className="numeric">{formatCount(p.endOffset)}</td>
            <td className="numeric">{formatCount(p.lag)}</td>
            <td className="mono group-detail__member">{p.memberId ?? <span className="muted">none</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** "now 42 · highest 57 · 3 samples, one every 5 s" once there is a sample. */
function lagSummary(points: readonly LagPoint[], pollMs: number | null): { summary?: string } {
  const latest = points.at(-1);
  if (latest === undefined) return {};
  const highest = Math.max(...points.map((p) => p.lag));
  const every = pollMs === null ? "one per Refresh" : `one every ${String(pollMs / 1000)} s`;
  return { summary: `now ${formatCount(latest.lag)} · highest ${formatCount(highest)} · ${pluralize(points.length, "sample")}, ${every}` };
}

export function GroupDetailView({ profile, groupId }: { profile: ConnectionProfile; groupId: string }) {
  const { navigate } = useNavigation();
  const titleId = useId();
  const pollMs = useSettings().settings.refreshMs;
  const detail = useGroupDetail(profile.id, groupId, pollMs);
  const canReset = useCanResetOffsets();
  const [resetting, setResetting] = useState(false);
  const [applied, setApplied] = useState<ResetPlan | null>(null);
  // One point per answer from the backend: kept in state, updated while rendering when a
  // new answer arrived (React's pattern for state derived from a changing input).
  const [history, setHistory] = useState<{ at: number; points: LagPoint[] }>({ at: 0, points: [] });
  const data = detail.data;
  if (data !== undefined && detail.dataUpdatedAt !== history.at) {
    setHistory({
      at: detail.dataUpdatedAt,
      points: appendPoint(history.points, { at: detail.dataUpdatedAt, lag: data.summary.totalLag }),
    });
  }

  const refetch = () => {
    void detail.refetch();
  };

  return (
    <section className="group-detail" data-testid="group-detail" aria-labelledby={titleId}>
      <button
        type="button"
        className="link-button"
        data-testid="back-to-groups"
        onClick={() => {
          navigate({ kind: "connection", id: profile.id, tab: "groups" });
        }}
      >
        ← All consumer groups
      </button>
      <header className="view-header group-detail__header">
        <div className="view-header__title">
          <h3 id={titleId} className="group-detail__title" data-testid="group-title">
            {groupId}
          </h3>
          {data !== undefined && <GroupState state={data.summary.state} />}
        </div>
        <div className="view-header__actions">
          <button type="button" className="button" data-testid="refresh-group" disabled={detail.isFetching} onClick={refetch}>
            Refresh
          </button>
          {canReset && data !== undefined && (
            <button
              type="button"
              className="button button--danger-outline"
              data-testid="reset-open"
              onClick={() => {
                setApplied(null);
                setResetting(true);
              }}
            >
              Reset offsets
            </button>
          )}
        </div>
      </header>

      {detail.error !== null && <InlineError error={detail.error} onRetry={refetch} retrying={detail.isFetching} />}

      {applied !== null && (
        <p className="group-detail__done" role="status" data-testid="reset-done">
          Offsets of <code>{applied.topic}</code> reset on {pluralize(applied.changes.length, "partition")}.
        </p>
      )}

      {data === undefined ? (
        detail.isPending && <Spinner label="Loading consumer group…" />
      ) : (
        <>
          {data.note !== null && (
            <p className="group-detail__note" data-testid="group-note">
              {data.note}
            </p>
          )}
          <dl className="fact-cards">
            <div className="fact-card">
              <dt>Total lag</dt>
              <dd data-testid="group-total-lag" data-value={data.summary.totalLag}>
                {formatCount(data.summary.totalLag)}
              </dd>
            </div>
            <div className="fact-card">
              <dt>Members</dt>
              <dd>{formatCount(data.summary.members)}</dd>
            </div>
            <div className="fact-card fact-card--wide">
              <dt>Topics ({formatCount(data.summary.topics.length)})</dt>
              <dd className={data.summary.topics.length === 0 ? "muted" : "mono"} data-testid="group-topics">
                {data.summary.topics.length === 0 ? (
                  "none"
                ) : (
                  <TopicLinks profile={profile} topics={data.summary.topics} testId="group-topic-link" />
                )}
              </dd>
            </div>
            <div className="fact-card">
              <dt>Protocol</dt>
              <dd className={data.summary.protocolType === "" ? "muted" : "mono"}>
                {data.summary.protocolType === "" ? "not reported" : data.summary.protocolType}
              </dd>
            </div>
          </dl>

          <section className="detail-section" aria-label="Lag over time">
            <TimeSeriesChart
              title="Total lag over time"
              testId="lag-chart"
              series={[{ name: "Total lag", points: history.points.map((p) => ({ at: p.at, value: p.lag })) }]}
              format={formatCount}
              {...lagSummary(history.points, pollMs)}
            />
          </section>

          <section className="detail-section" aria-label="Partitions">
            <h4>Committed offsets and lag</h4>
            <PartitionLagTable profile={profile} detail={data} />
          </section>

          <section className="detail-section" aria-label="Members">
            <h4>Members</h4>
            <MembersTable detail={data} />
          </section>
        </>
      )}

      {resetting && data !== undefined && (
        <ResetOffsetsDialog
          profile={profile}
          detail={data}
          onClose={() => {
            setResetting(false);
          }}
          onApplied={(plan) => {
            setResetting(false);
            setApplied(plan);
          }}
        />
      )}
    </section>
  );
}
