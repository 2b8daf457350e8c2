// One topic inside the Topics tab: name, internal badge and message count, then its own
// tabs — Messages (the message browser, the default), Partitions (facts and the partition
// table, under-replicated partitions marked), Configuration and Consumer groups (the groups
// reading it, each a link to its detail). Developers and admins can delete it here (never
// an internal topic: the cluster depends on those).
// The tab is part of the navigation, so Back from a group returns to it. The Messages panel
// stays mounted while another tab is shown, so its page, selection and live tail are still
// there on the way back to it. The main window can open the topic in a window of its own.
import { useId, useState } from "react";
import { useNavigation, type TopicTab } from "../../../app/navigation";
import { OpenInWindowButton } from "../../../app/windowOpener";
import type { AppError } from "../../../bindings/AppError";
import type { ConnectionProfile } from "../../../bindings/ConnectionProfile";
import { formatCount, pluralize } from "../../../components/format";
import { InlineError } from "../../../components/InlineError";
import { Spinner } from "../../../components/Spinner";
import { Tabs, tabId, type TabDef } from "../../../components/Tabs";
import { MessagesView } from "../../messages/MessagesView";
import { useCanManageTopics } from "../permissions";
import { useDeleteTopic, useTopicDetail } from "../queries";
import { ConfigTable } from "./ConfigTable";
import { DeleteTopicDialog } from "./DeleteTopicDialog";
import { isUnderReplicated, PartitionTable } from "./PartitionTable";
import { TopicGroups } from "./TopicGroups";
import "../topics.css";

const TOPIC_TABS: readonly TabDef<TopicTab>[] = [
  { tab: "messages", label: "Messages", testId: "topic-tab-messages" },
  { tab: "partitions", label: "Partitions", testId: "topic-tab-partitions" },
  { tab: "configs", label: "Configuration", testId: "topic-tab-configs" },
  { tab: "groups", label: "Consumer groups", testId: "topic-tab-groups" },
];

interface TopicDetailViewProps {
  profile: ConnectionProfile;
  topic: string;
  tab: TopicTab;
}

export function TopicDetailView({ profile, topic, tab }: TopicDetailViewProps) {
  const { navigate } = useNavigation();
  const titleId = useId();
  const tabBase = useId();
  const panelId = (panel: TopicTab) => `${tabBase}-panel-${panel}`;
  const detail = useTopicDetail(profile.id, topic);
  const canManage = useCanManageTopics();
  const remove = useDeleteTopic(profile.id);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [deleteError, setDeleteError] = useState<AppError | null>(null);

  const backToList = () => {
    navigate({ kind: "connection", id: profile.id, tab: "topics" });
  };
  const refetch = () => {
    void detail.refetch();
  };
  const confirmDelete = (confirmation: string | null) => {
    setDeleteError(null);
    remove.mutate({ topic, confirmation }, { onSuccess: backToList, onError: setDeleteError });
  };

  const data = detail.data;
  const underReplicated = data === undefined ? 0 : data.partitions.filter(isUnderReplicated).length;
  const replicationFactor = data === undefined ? 0 : Math.max(0, ...data.partitions.map((p) => p.replicas.length));

  return (
    <section className="topic-detail" data-testid="topic-detail" aria-labelledby={titleId}>
      <button type="button" className="link-button" data-testid="back-to-topics" onClick={backToList}>
        ← All topics
      </button>
      <header className="view-header topic-detail__header">
        <div className="view-header__title">
          <h3 id={titleId} className="topic-detail__title" data-testid="topic-title">
            {topic}
          </h3>
          {data?.internal === true && (
            <span className="tag" data-testid="internal-badge">
              internal
            </span>
          )}
          {data !== undefined && (
            <span className="muted topic-detail__summary">
              <span data-testid="topic-message-count" data-value={data.messageCount}>
                {pluralize(data.messageCount, "message")}
              </span>{" "}
              in {pluralize(data.partitions.length, "partition")}
            </span>
          )}
        </div>
        <div className="view-header__actions">
          <OpenInWindowButton view={{ kind: "topic", id: profile.id, topic, topicTab: tab }} name={topic} />
          <button
            type="button"
            className="button"
            data-testid="refresh-topic"
            disabled={detail.isFetching}
            onClick={refetch}
          >
            Refresh
          </button>
          {canManage && data !== undefined && !data.internal && (
            <button
              type="button"
              className="button button--danger-outline"
              data-testid="delete-topic"
              onClick={() => {
                setDeleteError(null);
                setConfirmingDelete(true);
              }}
            >
              Delete topic
            </button>
          )}
        </div>
      </header>

      {detail.error !== null && <InlineError error={detail.error} onRetry={refetch} retrying={detail.isFetching} />}

      {data === undefined ? (
        detail.isPending && <Spinner label="Loading topic…" />
      ) : (
        <>
          <Tabs
            tabs={TOPIC_TABS}
            idBase={tabBase}
            panelId={panelId}
            active={tab}
            onSelect={(next) => {
              navigate({ kind: "topic", id: profile.id, topic, topicTab: next });
            }}
            label="Topic views"
            className="topic-detail__tabs"
          />
          <div
            className="topic-detail__panel topic-detail__panel--messages"
            role="tabpanel"
            id={panelId("messages")}
            aria-labelledby={tabId(tabBase, "messages")}
            hidden={tab !== "messages"}
          >
            <MessagesView profile={profile} topic={topic} partitionIds={data.partitions.map((p) => p.id).sort((a, b) => a - b)} />
          </div>
          {tab === "partitions" && (
            <div
              className="topic-detail__panel"
              role="tabpanel"
              id={panelId("partitions")}
              aria-labelledby={tabId(tabBase, "partitions")}
            >
              <dl className="fact-cards">
                <div className="fact-card">
                  <dt>Partitions</dt>
                  <dd>{formatCount(data.partitions.length)}</dd>
                </div>
                <div className="fact-card">
                  <dt>Replication factor</dt>
                  <dd>{formatCount(replicationFactor)}</dd>
                </div>
                <div className={`fact-card${underReplicated > 0 ? " fact-card--warning" : ""}`}>
                  <dt>Under-replicated</dt>
                  <dd data-testid="under-replicated-count">
                    {underReplicated > 0 && (
                      <span className="warning-mark" aria-hidden="true">
                        ⚠{" "}
                      </span>
                    )}
                    {formatCount(underReplicated)}
                  </dd>
                </div>
              </dl>
              <section className="detail-section" aria-label="Partitions">
                <PartitionTable partitions={data.partitions} />
              </section>
            </div>
          )}
          {tab === "configs" && (
            <div
              className="topic-detail__panel"
              role="tabpanel"
              id={panelId("configs")}
              aria-labelledby={tabId(tabBase, "configs")}
            >
              <ConfigTable configs={data.configs} note={data.configNote} />
            </div>
          )}
          {tab === "groups" && (
            <div
              className="topic-detail__panel"
              role="tabpanel"
              id={panelId("groups")}
              aria-labelledby={tabId(tabBase, "groups")}
            >
              <TopicGroups profile={profile} topic={topic} />
            </div>
          )}
        </>
      )}

      {confirmingDelete && (
        <DeleteTopicDialog
          profile={profile}
          topic={topic}
          messageCount={data?.messageCount ?? null}
          deleting={remove.isPending}
          error={deleteError}
          onConfirm={confirmDelete}
          onCancel={() => {
            setConfirmingDelete(false);
          }}
        />
      )}
    </section>
  );
}
