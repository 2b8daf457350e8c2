// Typed functions for the Kafka cluster and topic commands. Every call names the saved
// connection it is about; the backend looks up the profile and its secrets itself.
// `confirmation` is the topic name typed back by the user, required on prod connections.
import type { ClusterOverview } from "../bindings/ClusterOverview";
import type { NewTopic } from "../bindings/NewTopic";
import type { TopicDetail } from "../bindings/TopicDetail";
import type { TopicSummary } from "../bindings/TopicSummary";
import { callCommand } from "./ipc";

export function fetchClusterOverview(connectionId: string): Promise<ClusterOverview> {
  return callCommand<ClusterOverview>("cluster_overview", { connectionId });
}

export function listTopics(connectionId: string): Promise<TopicSummary[]> {
  return callCommand<TopicSummary[]>("list_topics", { connectionId });
}

export function describeTopic(connectionId: string, topic: string): Promise<TopicDetail> {
  return callCommand<TopicDetail>("describe_topic", { connectionId, topic });
}

export function createTopic(connectionId: string, topic: NewTopic, confirmation: string | null): Promise<TopicDetail> {
  return callCommand<TopicDetail>("create_topic", { connectionId, topic, confirmation });
}

export async function deleteTopic(connectionId: string, topic: string, confirmation: string | null): Promise<void> {
  await callCommand<null>("delete_topic", { connectionId, topic, confirmation });
}
