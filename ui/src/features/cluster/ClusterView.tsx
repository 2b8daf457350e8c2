// The Cluster tab: what the brokers report about the cluster as a whole (brokers,
// topic and partition counts, controller, cluster id) and the broker list. Read-only.
import type { ClusterOverview } from "../../bindings/ClusterOverview";
import { formatCount } from "../../components/format";
import { InlineError } from "../../components/InlineError";
import { Spinner } from "../../components/Spinner";
import { useClusterOverview } from "./queries";
import "./cluster.css";

const NOT_REPORTED = "not reported";

function OverviewCards({ overview }: { overview: ClusterOverview }) {
  return (
    <dl className="fact-cards">
      <div className="fact-card">
        <dt>Brokers</dt>
        <dd data-testid="cluster-broker-count" data-value={overview.brokers.length}>
          {formatCount(overview.brokers.length)}
        </dd>
      </div>
      <div className="fact-card">
        <dt>Topics</dt>
        <dd data-testid="cluster-topic-count" data-value={overview.topicCount}>
          {formatCount(overview.topicCount)}
          <span className="fact-card__extra">+ {formatCount(overview.internalTopicCount)} internal</span>
        </dd>
      </div>
      <div className="fact-card">
        <dt>Partitions</dt>
        <dd data-testid="cluster-partition-count">{formatCount(overview.partitionCount)}</dd>
      </div>
      <div className="fact-card">
        <dt>Controller</dt>
        <dd data-testid="cluster-controller">
          {overview.controllerId === null ? (
            <span className="muted">{NOT_REPORTED}</span>
          ) : (
            `Broker ${String(overview.controllerId)}`
          )}
        </dd>
      </div>
      <div className="fact-card fact-card--wide">
        <dt>Cluster id</dt>
        <dd data-testid="cluster-id" className={overview.clusterId === null ? "muted" : "mono"}>
          {overview.clusterId ?? NOT_REPORTED}
        </dd>
      </div>
    </dl>
  );
}

function BrokerTable({ overview }: { overview: ClusterOverview }) {
  const brokers = [...overview.brokers].sort((a, b) => a.id - b.id);
  return (
    <table className="data-table broker-table" data-testid="broker-table">
      <thead>
        <tr>
          <th scope="col" className="numeric">
            Id
          </th>
          <th scope="col">Host</th>
          <th scope="col" className="numeric">
            Port
          </th>
          <th scope="col">Role</th>
        </tr>
      </thead>
      <tbody>
        {brokers.map((broker) => {
          const controller = broker.id === overview.controllerId;
          return (
            <tr key={broker.id} data-testid="broker-row" data-broker-id={broker.id} data-controller={controller}>
              <td className="numeric">{broker.id}</td>
              <td className="mono">{broker.host}</td>
              <td className="numeric">{broker.port}</td>
              <td>{controller && <span className="tag tag--accent">controller</span>}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function ClusterView({ connectionId }: { connectionId: string }) {
  const overview = useClusterOverview(connectionId);
  const refetch = () => {
    void overview.refetch();
  };
  return (
    <section className="cluster-view" data-testid="cluster-view" aria-label="Cluster">
      <div className="toolbar">
        <span className="toolbar__spacer" />
        <button
          type="button"
          className="button"
          data-testid="refresh-cluster"
          disabled={overview.isFetching}
          onClick={refetch}
        >
          {overview.isFetching && overview.data !== undefined ? "Refreshing…" : "Refresh"}
        </button>
      </div>
      {overview.error !== null && (
        <InlineError error={overview.error} onRetry={refetch} retrying={overview.isFetching} />
      )}
      {overview.data === undefined ? (
        overview.isPending && <Spinner label="Asking the brokers…" />
      ) : (
        <>
          <OverviewCards overview={overview.data} />
          <section className="detail-section" aria-label="Brokers">
            <h4>Brokers</h4>
            <BrokerTable overview={overview.data} />
          </section>
        </>
      )}
    </section>
  );
}
