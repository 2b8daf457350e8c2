// The Topics tab's list: a toolbar (search, internal-topics toggle, "N of M topics",
// Refresh, Create topic) over the topic table. "/" focuses the search from anywhere in
// the window. The list state lives in ConnectionView, so it is still there after a
// topic's detail was opened and closed.
import { useId, useMemo, useRef, useState, type Dispatch, type SetStateAction } from "react";
import { useNavigation } from "../../../app/navigation";
import type { ConnectionProfile } from "../../../bindings/ConnectionProfile";
import { formatCount, pluralize } from "../../../components/format";
import { InlineError } from "../../../components/InlineError";
import { Spinner } from "../../../components/Spinner";
import { useFocusShortcut } from "../../../components/useFocusShortcut";
import { CreateTopicDialog } from "../create/CreateTopicDialog";
import { useCanManageTopics } from "../permissions";
import { useTopics } from "../queries";
import { TopicTable } from "./TopicTable";
import { nextSort, visibleTopics, type TopicListState } from "./topicListState";
import "../topics.css";

interface TopicListProps {
  profile: ConnectionProfile;
  state: TopicListState;
  onStateChange: Dispatch<SetStateAction<TopicListState>>;
}

export function TopicList({ profile, state, onStateChange }: TopicListProps) {
  const { navigate } = useNavigation();
  const searchId = useId();
  const searchRef = useRef<HTMLInputElement>(null);
  const topics = useTopics(profile.id);
  const canManage = useCanManageTopics();
  const [creating, setCreating] = useState(false);
  useFocusShortcut("/", searchRef);

  const { search, showInternal, sort, selected } = state;
  const all = topics.data;
  const visible = useMemo(
    () => visibleTopics(all ?? [], { search, showInternal, sort }),
    [all, search, showInternal, sort],
  );

  const update = (patch: Partial<TopicListState>) => {
    onStateChange((current) => ({ ...current, ...patch }));
  };

  const open = (name: string) => {
    update({ selected: name });
    navigate({ kind: "topic", id: profile.id, topic: name });
  };

  const refetch = () => {
    void topics.refetch();
  };

  return (
    <section className="topics-view" data-testid="topics-view" aria-label="Topics">
      <div className="toolbar topics-toolbar">
        <label className="visually-hidden" htmlFor={searchId}>
          Search topics
        </label>
        <input
          id={searchId}
          ref={searchRef}
          type="search"
          className="search-input"
          placeholder="Search topics    /"
          autoComplete="off"
          spellCheck={false}
          aria-keyshortcuts="/"
          data-testid="topic-search"
          value={search}
          onChange={(event) => {
            update({ search: event.target.value });
          }}
        />
        <label className="checkbox-label">
          <input
            type="checkbox"
            data-testid="show-internal"
            checked={showInternal}
            onChange={(event) => {
              update({ showInternal: event.target.checked });
            }}
          />
          Show internal topics
        </label>
        {all !== undefined && (
          <span className="topics-toolbar__count muted" data-testid="topic-count" aria-live="polite">
            {formatCount(visible.length)} of {pluralize(all.length, "topic")}
          </span>
        )}
        <span className="toolbar__spacer" />
        <button
          type="button"
          className="button"
          data-testid="refresh-topics"
          disabled={topics.isFetching}
          onClick={refetch}
        >
          {topics.isFetching && all !== undefined ? "Refreshing…" : "Refresh"}
        </button>
        {canManage && (
          <button
            type="button"
            className="button button--primary"
            data-testid="create-topic"
            onClick={() => {
              setCreating(true);
            }}
          >
            Create topic
          </button>
        )}
      </div>

      {topics.error !== null && <InlineError error={topics.error} onRetry={refetch} retrying={topics.isFetching} />}

      {all === undefined ? (
        topics.isPending && <Spinner label="Loading topics…" />
      ) : visible.length === 0 ? (
        <p className="empty-state topics-view__empty" data-testid="topics-empty">
          {all.length === 0
            ? "This cluster has no topics yet."
            : search.trim() !== ""
              ? `No topic matches “${search.trim()}”${showInternal ? "" : " (internal topics are hidden)"}.`
              : "Only internal topics here; tick “Show internal topics” to see them."}
        </p>
      ) : (
        <TopicTable
          topics={visible}
          sort={sort}
          onSort={(column) => {
            update({ sort: nextSort(sort, column) });
          }}
          selected={selected}
          onSelect={(name) => {
            update({ selected: name });
          }}
          onOpen={open}
        />
      )}

      {creating && (
        <CreateTopicDialog
          profile={profile}
          onClose={() => {
            setCreating(false);
          }}
          onCreated={(name) => {
            setCreating(false);
            open(name);
          }}
        />
      )}
    </section>
  );
}
