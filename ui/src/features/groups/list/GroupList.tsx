// The Consumer groups tab's list: each group's state, members, total lag and topics, a
// search over ids and topics, and "Open group by id", which still works when the broker
// cannot list its groups (the list's error says so, inline, with Retry).
import { useId, useMemo } from "react";
import { useNavigation } from "../../../app/navigation";
import type { ConnectionProfile } from "../../../bindings/ConnectionProfile";
import type { GroupSummary } from "../../../bindings/GroupSummary";
import { formatCount, pluralize } from "../../../components/format";
import { InlineError } from "../../../components/InlineError";
import { Spinner } from "../../../components/Spinner";
import { GroupState } from "../GroupState";
import { useGroups } from "../queries";
import { OpenGroupForm } from "./OpenGroupForm";
import "../groups.css";

interface GroupListProps {
  profile: ConnectionProfile;
  search: string;
  onSearchChange: (search: string) => void;
}

export function matchesGroup(group: GroupSummary, search: string): boolean {
  const needle = search.trim().toLowerCase();
  if (needle === "") return true;
  return group.groupId.toLowerCase().includes(needle) || group.topics.some((t) => t.toLowerCase().includes(needle));
}

export function GroupList({ profile, search, onSearchChange }: GroupListProps) {
  const { navigate } = useNavigation();
  const searchId = useId();
  const groups = useGroups(profile.id);
  const all = groups.data;
  const visible = useMemo(() => (all ?? []).filter((group) => matchesGroup(group, search)), [all, search]);

  const open = (groupId: string) => {
    navigate({ kind: "group", id: profile.id, group: groupId });
  };
  const refetch = () => {
    void groups.refetch();
  };

  return (
    <section className="groups-view" data-testid="groups-view" aria-label="Consumer groups">
      <div className="toolbar">
        <label className="visually-hidden" htmlFor={searchId}>
          Search groups
        </label>
        <input
          id={searchId}
          type="search"
          className="search-input"
          placeholder="Search groups or topics"
          autoComplete="off"
          spellCheck={false}
          data-testid="group-search"
          value={search}
          disabled={all === undefined}
          onChange={(event) => {
            onSearchChange(event.target.value);
          }}
        />
        {all !== undefined && (
          <span className="muted groups-view__count" data-testid="group-count">
            {visible.length === all.length
              ? pluralize(all.length, "group")
              : `${formatCount(visible.length)} of ${pluralize(all.length, "group")}`}
          </span>
        )}
        <span className="toolbar__spacer" />
        <OpenGroupForm onOpen={open} />
        <button type="button" className="button" data-testid="refresh-groups" disabled={groups.isFetching} onClick={refetch}>
          Refresh
        </button>
      </div>

      {groups.error !== null && (
        <>
          <InlineError error={groups.error} onRetry={refetch} retrying={groups.isFetching} />
          <p className="muted groups-view__hint" data-testid="groups-open-hint">
            A group can still be opened by its id (above): its committed offsets and lag are read directly.
          </p>
        </>
      )}

      {all === undefined ? (
        groups.isPending && <Spinner label="Loading consumer groups…" />
      ) : visible.length === 0 ? (
        <p className="empty-state" data-testid="groups-empty">
          {all.length === 0 ? "This cluster has no consumer groups." : `No group matches “${search.trim()}”.`}
        </p>
      ) : (
        <table className="data-table group-table" data-testid="group-table">
          <thead>
            <tr>
              <th scope="col">Group</th>
              <th scope="col">State</th>
              <th scope="col" className="numeric">
                Members
              </th>
              <th scope="col" className="numeric">
                Total lag
              </th>
              <th scope="col">Topics</th>
            </tr>
          </thead>
          <tbody>
            {visible.map((group) => (
              <tr
                key={group.groupId}
                className="group-row"
                data-testid="group-row"
                data-group-id={group.groupId}
                data-lag={group.totalLag}
                onClick={() => {
                  open(group.groupId);
                }}
              >
                <td className="group-row__id">
                  <button
                    type="button"
                    className="link-button mono"
                    onClick={(event) => {
                      event.stopPropagation();
                      open(group.groupId);
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
                <td className="mono group-row__topics" title={group.topics.join("\n")}>
                  {group.topics.length === 0 ? <span className="muted">none</span> : group.topics.join(", ")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
