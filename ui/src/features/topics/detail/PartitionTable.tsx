// One row per partition: leader, replicas, in-sync replicas, watermarks and messages.
// A partition whose ISR is shorter than its replica list is under-replicated: it is
// marked, because it is one broker failure closer to losing writes (or data).
import type { PartitionInfo } from "../../../bindings/PartitionInfo";
import { formatCount } from "../../../components/format";

export function isUnderReplicated(partition: PartitionInfo): boolean {
  return partition.isr.length < partition.replicas.length;
}

function brokerList(ids: readonly number[]): string {
  return ids.length === 0 ? "none" : ids.join(", ");
}

export function PartitionTable({ partitions }: { partitions: readonly PartitionInfo[] }) {
  const sorted = [...partitions].sort((a, b) => a.id - b.id);
  return (
    <table className="data-table partition-table" data-testid="partition-table">
      <thead>
        <tr>
          <th scope="col" className="numeric">
            Partition
          </th>
          <th scope="col" className="numeric">
            Leader
          </th>
          <th scope="col">Replicas</th>
          <th scope="col">In-sync replicas</th>
          <th scope="col" className="numeric">
            Low watermark
          </th>
          <th scope="col" className="numeric">
            High watermark
          </th>
          <th scope="col" className="numeric">
            Messages
          </th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((partition) => {
          const under = isUnderReplicated(partition);
          return (
            <tr
              key={partition.id}
              className={under ? "partition-row--warning" : undefined}
              data-testid="partition-row"
              data-partition={partition.id}
              data-messages={partition.messageCount}
              data-under-replicated={under}
            >
              <td className="numeric">{partition.id}</td>
              <td className="numeric">{partition.leader < 0 ? "none" : partition.leader}</td>
              <td className="mono">{brokerList(partition.replicas)}</td>
              <td className="mono">
                {brokerList(partition.isr)}
                {under && (
                  <span
                    className="warning-mark"
                    title={`Under-replicated: ${String(partition.isr.length)} of ${String(partition.replicas.length)} replicas in sync`}
                  >
                    <span aria-hidden="true">⚠</span>
                    <span className="visually-hidden">under-replicated</span>
                  </span>
                )}
              </td>
              <td className="numeric">{formatCount(partition.lowWatermark)}</td>
              <td className="numeric">{formatCount(partition.highWatermark)}</td>
              <td className="numeric">{formatCount(partition.messageCount)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
