// The main area for one selected connection: its name and environment, the banner about
// services that cannot be reached (ConnectionHealthBanner), then the tabs
// Cluster, Topics, Consumer groups, Schemas (with a Schema Registry part), Flink (with a
// Flink part) and Settings. Owns the Topics tab's list state (search, filter, sort,
// selection) and the group, subject and job searches, so they survive opening a topic,
// group, subject or job and switching tabs; they do not survive switching connections
// (AppFrame keys this view by id).
import { useId, useState } from "react";
import type { ConnectionProfile } from "../bindings/ConnectionProfile";
import { Spinner } from "../components/Spinner";
import { ClusterView } from "../features/cluster/ClusterView";
import { ConnectionSettings } from "../features/connections/ConnectionSettings";
import { FlinkView } from "../features/flink/cluster/FlinkView";
import { JobView } from "../features/flink/job/JobView";
import { EnvironmentBadge } from "../features/connections/EnvironmentBadge";
import { ENVIRONMENT_LABELS } from "../features/connections/labels";
import { MissingPart } from "../features/connections/MissingPart";
import { useConnection } from "../features/connections/queries";
import { GroupDetailView } from "../features/groups/detail/GroupDetailView";
import { GroupList } from "../features/groups/list/GroupList";
import { SchemasView } from "../features/schemas/SchemasView";
import { TopicDetailView } from "../features/topics/detail/TopicDetailView";
import { TopicList } from "../features/topics/list/TopicList";
import { initialTopicListState, type TopicListState } from "../features/topics/list/topicListState";
import { BannerMessagesProvider, ConnectionHealthBanner } from "./ConnectionHealthBanner";
import { ConnectionTabs, tabId } from "./ConnectionTabs";
import { useNavigation, type ConnectionTab, type View } from "./navigation";
import "./connectionView.css";

type ConnectionRoute = Extract<
  View,
  { kind: "connection" } | { kind: "topic" } | { kind: "group" } | { kind: "subject" } | { kind: "job" }
>;

function routeTab(view: ConnectionRoute, profile: ConnectionProfile): ConnectionTab {
  switch (view.kind) {
    case "topic":
      return "topics";
    case "group":
      return "groups";
    case "subject":
      return "schemas";
    case "job":
      return "flink";
    case "connection":
      return view.tab ?? defaultTab(profile);
  }
}

function defaultTab(profile: ConnectionProfile): ConnectionTab {
  return profile.kafka === null ? "settings" : "topics";
}

function NoKafka({ profile, what }: { profile: ConnectionProfile; what: string }) {
  return (
    <MissingPart profile={profile} testId="no-kafka">
      “{profile.name}” has no Kafka part, so there is no {what} to show. Add bootstrap servers to the
      connection to see them.
    </MissingPart>
  );
}

function NoRegistry({ profile }: { profile: ConnectionProfile }) {
  return (
    <MissingPart profile={profile} testId="no-registry">
      “{profile.name}” has no Schema Registry part, so there are no schemas to show. Add the registry
      URL to the connection to browse them.
    </MissingPart>
  );
}

function NoFlink({ profile }: { profile: ConnectionProfile }) {
  return (
    <MissingPart profile={profile} testId="no-flink">
      “{profile.name}” has no Flink part, so there are no Flink jobs to show. Add the Flink REST URL to
      the connection to see its cluster and jobs.
    </MissingPart>
  );
}

export function ConnectionView({ view }: { view: ConnectionRoute }) {
  const { navigate } = useNavigation();
  const idBase = useId();
  const panelId = `${idBase}-panel`;
  const { data: profile, isPending } = useConnection(view.id);
  const [topicList, setTopicList] = useState<TopicListState>(initialTopicListState);
  const [groupSearch, setGroupSearch] = useState("");
  const [subjectSearch, setSubjectSearch] = useState("");
  const [jobSearch, setJobSearch] = useState("");

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

  const tab = routeTab(view, profile);

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
        // Keyed by name: another topic starts on its own first page, with nothing of this one's.
        return view.kind === "topic" ? (
          <TopicDetailView key={view.topic} profile={profile} topic={view.topic} tab={view.topicTab ?? "messages"} />
        ) : (
          <TopicList profile={profile} state={topicList} onStateChange={setTopicList} />
        );
      case "groups":
        if (profile.kafka === null) return <NoKafka profile={profile} what="consumer group" />;
        return view.kind === "group" ? (
          // Keyed by id: another group starts its lag chart afresh.
          <GroupDetailView key={view.group} profile={profile} groupId={view.group} />
        ) : (
          <GroupList profile={profile} search={groupSearch} onSearchChange={setGroupSearch} />
        );
      case "schemas":
        if (profile.schemaRegistry === null) return <NoRegistry profile={profile} />;
        return (
          <SchemasView
            profile={profile}
            subject={view.kind === "subject" ? view.subject : null}
            search={subjectSearch}
            onSearchChange={setSubjectSearch}
          />
        );
      case "flink":
        if (profile.flink === null) return <NoFlink profile={profile} />;
        return view.kind === "job" ? (
          <JobView key={view.jobId} profile={profile} jobId={view.jobId} tab={view.jobTab ?? "graph"} />
        ) : (
          <FlinkView profile={profile} search={jobSearch} onSearchChange={setJobSearch} />
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
      <ConnectionHealthBanner profile={profile} />
      <ConnectionTabs
        idBase={idBase}
        panelId={panelId}
        active={tab}
        hasRegistry={profile.schemaRegistry !== null}
        hasFlink={profile.flink !== null}
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
        <BannerMessagesProvider profile={profile}>{panel()}</BannerMessagesProvider>
      </div>
    </article>
  );
}
