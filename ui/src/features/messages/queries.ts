// Backend state for the message browser. A page is a query keyed by its exact request, so
// paging back to a page already seen is instant and a new request never mixes with an
// old one. Each fetch is a scan with an id of its own: progress for that id is shown,
// Cancel stops that id (the backend then answers with what it read so far), and a scan
// whose request was replaced or whose view closed is cancelled through the query's
// abort signal, so the backend never keeps reading for nobody. A topic's pinned decoders
// are a query of their own; pinning refetches the topic's pages, now decoded anew. The
// produce dialog lists registry subjects through the schema browser's cached overview.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { BrowseRequest } from "../../bindings/BrowseRequest";
import type { ProduceRequest } from "../../bindings/ProduceRequest";
import type { ScanProgress } from "../../bindings/ScanProgress";
import type { TopicDecoders } from "../../bindings/TopicDecoders";
import { browseMessages, cancelScan, fetchRegistryOverview, fetchTopicDecoders, pinTopicDecoders, produceMessage } from "../../platform";
import { schemaKeys } from "../schemas/queries";
import { newScanId } from "./scanId";

export const messageKeys = {
  topic: (connectionId: string, topic: string) => ["messages", connectionId, topic] as const,
  page: (connectionId: string, request: BrowseRequest) => ["messages", connectionId, request.topic, request] as const,
  decoders: (connectionId: string, topic: string) => ["topic-decoders", connectionId, topic] as const,
};

export interface RunningScan {
  scanId: string;
  /** Null until the backend's first progress report. */
  progress: ScanProgress | null;
}

export function useMessagePage(connectionId: string, request: BrowseRequest) {
  const [scan, setScan] = useState<RunningScan | null>(null);
  const query = useQuery({
    queryKey: messageKeys.page(connectionId, request),
    queryFn: async ({ signal }) => {
      const scanId = newScanId();
      setScan({ scanId, progress: null });
      const stop = () => {
        void cancelScan(scanId);
      };
      signal.addEventListener("abort", stop);
      try {
        return await browseMessages(connectionId, request, scanId, (progress) => {
          // A replaced scan may still report once or twice; only the current one is shown.
          setScan((current) => (current?.scanId === scanId ? { scanId, progress } : current));
        });
      } finally {
        signal.removeEventListener("abort", stop);
      }
    },
    // A page is a snapshot the user refreshes on purpose (Apply); it is not refetched by
    // itself, and it is not kept long: a page can hold 10,000 messages.
    staleTime: Infinity,
    gcTime: 60_000,
    // While the next page loads, the current one stays on screen under the progress bar.
    placeholderData: keepPreviousData,
    meta: { errorShownInline: true },
  });
  const cancel = () => {
    if (scan !== null) void cancelScan(scan.scanId);
  };
  return { query, scan: query.isFetching ? scan : null, cancel };
}

export function useProduceMessage(connectionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: ProduceRequest) => produceMessage(connectionId, request),
    onSuccess: (_result, request) => {
      // The page on screen is refetched, so the new message shows where it belongs. Not
      // awaited: the result is worth showing before that scan ends.
      void queryClient.invalidateQueries({ queryKey: messageKeys.topic(connectionId, request.topic) });
    },
  });
}

export function useTopicDecoders(connectionId: string, topic: string) {
  return useQuery({
    queryKey: messageKeys.decoders(connectionId, topic),
    queryFn: () => fetchTopicDecoders(connectionId, topic),
    meta: { errorShownInline: true },
  });
}

export function usePinTopicDecoders(connectionId: string, topic: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (decoders: TopicDecoders) => pinTopicDecoders(connectionId, topic, decoders),
    onSuccess: (_result, decoders) => {
      queryClient.setQueryData(messageKeys.decoders(connectionId, topic), decoders);
      // The page on screen (and any cached one) was decoded with the old choice. Not
      // awaited: the selects are free again while that scan runs.
      void queryClient.invalidateQueries({ queryKey: messageKeys.topic(connectionId, topic) });
    },
  });
}

/** The registry's subjects for the produce dialog; asks nothing when there is no registry. */
export function useProduceSubjects(connectionId: string, enabled: boolean) {
  return useQuery({
    queryKey: schemaKeys.overview(connectionId),
    queryFn: () => fetchRegistryOverview(connectionId),
    enabled,
    select: (overview) => overview.subjects,
    meta: { errorShownInline: true },
  });
}
