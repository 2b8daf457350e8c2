// A topic's Consumer groups tab: the groups that have committed offsets on it or are
// assigned its partitions (the cluster's group list, read through the Consumer groups tab's
// own query and cache), each a link to the group's detail. Lag is the group's total over all
// its topics: the list does not split it per topic; the group's detail does.
import { useNavigation } from "../../../app/navigation";
import type { ConnectionProfile } from "../../../bindings/ConnectionProfile";
import { formatCount, pluralize } from "../../../components/format";
import { InlineError } from "../../../components/InlineError";
import { Spinner } from "../../../components/Spinner";
import { GroupState } from "../../groups/GroupState";
import { useGroups } from "../../groups/queries";
import "../../groups/groups.css";

export function TopicGroups({ profile, topic }: { profile: ConnectionProfile; topic: string }) {
  const { navigate } = useNavigation();
  const groups = useGroups(profile.id);
  const refetch = () => {
    void groups.refetch();
  };

  if (groups.error !== null) return <InlineError error={groups.error} onRetry={refetch} retrying={groups.isFetching} />;
  if (groups.data === undefined) return <Spinner label="Loading consumer groups…" />;
  const readers = groups.data.filter((group) => group.topics.includes(topic));
  if (readers.length === 0) {
    return (
      <p className="empty-state" data-testid="topic-groups-empty">
        No consumer group has committed offsets on “{topic}” or is assigned its partitions.
      </p>
    );
  }
  return (
    <section className="detail-section" aria-label="Consumer groups">
      <p className="muted section-summary" data-testid="topic-groups-count">
        {pluralize(readers.length, "group")} {readers.length === 1 ? "reads" : "read"} this topic.
      </p>
      <table className="data-table" data-testid="topic-groups">
        <thead>
          <tr>
            <th scope="col">Group</th>
            <th scope="col">State</th>
            <th scope="col" className="numeric">
              Members
            </th>
            <th scope="col" className="numeric">
              Total lag (all its topics)
            </th>
          </tr>
        </thead>
        <tbody>
          {readers.map((group) => (
            <tr key={group.groupId} data-testid="topic-group-row" data-group-id={group.groupId}>
              <td>
                <button
                  type="button"
                  className="link-button mono"
                  data-testid="topic-group-link"
                  title={`Open consumer group ${group.groupId}`}
                  onClick={() => {
                    navigate({ kind: "group", id: profile.id, group: group.groupId });
                  }}
                >
                  {group.groupId}
                </button>
              </td>
              <td>
                <GroupState state={group.state} />
              </td>
              <td className="numeric">{formatCount(group.members)}</td>
              <td className="numeric">{formatCount(group.totalLag)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
