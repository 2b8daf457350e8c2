// Backend state for topics, cached per connection: the list under ["topics", id], one
// topic's detail under ["topic", id, name]. Creating or deleting a topic refreshes the
// list and the cluster overview (its topic and partition counts change too).
import { useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import type { NewTopic } from "../../bindings/NewTopic";
import type { TopicDetail } from "../../bindings/TopicDetail";
import type { TopicSummary } from "../../bindings/TopicSummary";
import { createTopic, deleteTopic, describeTopic, listTopics } from "../../platform";
import { clusterKeys } from "../cluster/queries";

export const topicKeys = {
  list: (connectionId: string) => ["topics", connectionId] as const,
  detail: (connectionId: string, topic: string) => ["topic", connectionId, topic] as const,
};

/** `enabled: false` waits (a caller that only needs the list when the connection has Kafka). */
export function useTopics(connectionId: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: topicKeys.list(connectionId),
    queryFn: () => listTopics(connectionId),
    enabled,
    meta: { errorShownInline: true },
  });
}

export function useTopicDetail(connectionId: string, topic: string) {
  return useQuery({
    queryKey: topicKeys.detail(connectionId, topic),
    queryFn: () => describeTopic(connectionId, topic),
    meta: { errorShownInline: true },
  });
}

async function refreshListings(queryClient: QueryClient, connectionId: string): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: topicKeys.list(connectionId) }),
    queryClient.invalidateQueries({ queryKey: clusterKeys.overview(connectionId) }),
  ]);
}

export interface CreateTopicRequest {
  topic: NewTopic;
  /** The topic name typed back by the user; required (and checked) on prod connections. */
  confirmation: string | null;
}

export function useCreateTopic(connectionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ topic, confirmation }: CreateTopicRequest) => createTopic(connectionId, topic, confirmation),
    onSuccess: async (created: TopicDetail) => {
      // The detail view opens next; it can show the broker's answer without asking again.
      queryClient.setQueryData(topicKeys.detail(connectionId, created.name), created);
      await refreshListings(queryClient, connectionId);
    },
  });
}

export interface DeleteTopicRequest {
  topic: string;
  confirmation: string | null;
}

export function useDeleteTopic(connectionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ topic, confirmation }: DeleteTopicRequest) => deleteTopic(connectionId, topic, confirmation),
    onSuccess: async (_result, { topic }) => {
      // Drop the detail rather than refetch it: the answer now would be "not found".
      queryClient.removeQueries({ queryKey: topicKeys.detail(connectionId, topic), exact: true });
      // The list the user returns to must not show the topic while it refetches.
      queryClient.setQueryData<TopicSummary[]>(topicKeys.list(connectionId), (list) =>
        list?.filter((summary) => summary.name !== topic),
      );
      await refreshListings(queryClient, connectionId);
    },
  });
}
