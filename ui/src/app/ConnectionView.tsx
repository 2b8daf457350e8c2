// The main area for one selected connection: its name and environment, then the tabs
// Cluster, Topics, Consumer groups and Settings. Owns the Topics tab's list state (search,
// filter, sort, selection) and the group search, so they survive opening a topic or a
// group and switching tabs; they do not survive switching connections (AppFrame keys
// this view by connection id).
import { useId, useState } from "react";
import type { ConnectionProfile } from "../bindings/ConnectionProfile";
import { Spinner } from "../components/Spinner";
import { ClusterView } from "../features/cluster/ClusterView";
import { ConnectionSettings } from "../features/connections/ConnectionSettings";
import { EnvironmentBadge } from "../features/connections/EnvironmentBadge";
import { ENVIRONMENT_LABELS } from "../features/connections/labels";
import { useConnection } from "../features/connections/queries";
import { GroupDetailView } from "../features/groups/detail/GroupDetailView";
import { GroupList } from "../features/groups/list/GroupList";
import { TopicDetailView } from "../features/topics/detail/TopicDetailView";
import { TopicList } from "../features/topics/list/TopicList";
import { initialTopicListState, type TopicListState } from "../features/topics/list/topicListState";
import { ConnectionTabs, tabId } from "./ConnectionTabs";
import { useNavigation, type ConnectionTab, type View } from "./navigation";
import "./connectionView.css";

type ConnectionRoute = Extract<View, { kind: "connection" } | { kind: "topic" } | { kind: "group" }>;

function defaultTab(profile: ConnectionProfile): ConnectionTab {
  return profile.kafka === null ? "settings" : "topics";
}

function NoKafka({ profile, what }: { profile: ConnectionProfile; what: string }) {
  const { navigate } = useNavigation();
  return (
    <div className="empty-state" data-testid="no-kafka">
      <p>
        “{profile.name}” has no Kafka part, so there is no {what} to show. Add bootstrap servers to the
        connection to see them.
      </p>
      <button
        type="button"
        className="button"
        onClick={() => {
          navigate({ kind: "edit-connection", id: profile.id });
        }}
      >
        Edit connection
      </button>
    </div>
  );
}

export function ConnectionView({ view }: { view: ConnectionRoute }) {
  const { navigate } = useNavigation();
  const idBase = useId();
  const panelId = `${idBase}-panel`;
  const { data: profile, isPending } = useConnection(view.id);
  const [topicList, setTopicList] = useState<TopicListState>(initialTopicListState);
  const [groupSearch, setGroupSearch] = useState("");

  if (isPending) return <Spinner label="Loading connection…" />;
  if (!profile) {
    return (
      <div className="empty-state">
        <p>This connection no longer exists.</p>
        <button
          type="button"
          className="button"
          onClick={() => {
            navigate({ kind: "home" });
          }}
        >
          Back to home
        </button>
      </div>
    );
  }

  const tab: ConnectionTab =
    view.kind === "topic" ? "topics" : view.kind === "group" ? "groups" : (view.tab ?? defaultTab(profile));

  const panel = () => {
    switch (tab) {
      case "cluster":
        return profile.kafka === null ? (
          <NoKafka profile={profile} what="cluster" />
        ) : (
          <ClusterView connectionId={profile.id} />
        );
      case "topics":
        if (profile.kafka === null) return <NoKafka profile={profile} what="topic list" />;
        return view.kind === "topic" ? (
          <TopicDetailView profile={profile} topic={view.topic} />
        ) : (
          <TopicList profile={profile} state={topicList} onStateChange={setTopicList} />
        );
      case "groups":
        if (profile.kafka === null) return <NoKafka profile={profile} what="consumer group" />;
        return view.kind === "group" ? (
          <GroupDetailView profile={profile} groupId={view.group} />
        ) : (
          <GroupList profile={profile} search={groupSearch} onSearchChange={setGroupSearch} />
        );
      case "settings":
        return <ConnectionSettings profile={profile} />;
    }
  };

  return (
    <article className="connection-view" aria-labelledby="connection-title">
      <header className="view-header connection-view__header">
        <div className="view-header__title">
          <h2 id="connection-title" data-testid="connection-title">
            {profile.name}
          </h2>
          <EnvironmentBadge environment={profile.environment} />
          <span className="muted">{ENVIRONMENT_LABELS[profile.environment]}</span>
        </div>
      </header>
      <ConnectionTabs
        idBase={idBase}
        panelId={panelId}
        active={tab}
        onSelect={(next) => {
          navigate({ kind: "connection", id: profile.id, tab: next });
        }}
      />
      <div
        className={`connection-view__panel connection-view__panel--${tab}`}
        role="tabpanel"
        id={panelId}
        aria-labelledby={tabId(idBase, tab)}
      >
        {panel()}
      </div>
    </article>
  );
}
