// Typed functions for the message commands: a page through the data path (progress
// arrives on a Channel while it scans), an export of a range to a file (progress the same
// way), a live tail (batches on a Channel until it is cancelled), cancelling any of them by
// the id the caller chose, producing one message, and the decoders pinned for a topic's
// keys and values.
// Channels are Tauri objects, so they are made here; callers pass plain callbacks.
import { Channel } from "@tauri-apps/api/core";
import type { BrowseRequest } from "../bindings/BrowseRequest";
import type { ExportSummary } from "../bindings/ExportSummary";
import type { ExportTarget } from "../bindings/ExportTarget";
import type { MessageFilter } from "../bindings/MessageFilter";
import type { MessagePage } from "../bindings/MessagePage";
import type { ProduceRequest } from "../bindings/ProduceRequest";
import type { ProduceResult } from "../bindings/ProduceResult";
import type { ScanProgress } from "../bindings/ScanProgress";
import type { TailBatch } from "../bindings/TailBatch";
import type { TopicDecoders } from "../bindings/TopicDecoders";
import { callCommand } from "./ipc";

/**
 * One page of messages. `scanId` lets cancelScan stop it early (the page then comes back
 * with what was read and `incomplete` set); `onProgress` hears about the scan ~4×/s.
 */
export function browseMessages(
  connectionId: string,
  request: BrowseRequest,
  scanId: string | null,
  onProgress: (progress: ScanProgress) => void,
): Promise<MessagePage> {
  const channel = new Channel<ScanProgress>(onProgress);
  return callCommand<MessagePage>("browse_messages", { connectionId, request, scanId, onProgress: channel });
}

/**
 * Writes the request's messages to `target.path` (JSON lines or CSV) through the same data
 * path as a page, so a masked role's file is masked. `cancelScan(scanId)` stops it; the
 * summary then says `cancelled` and no file is left behind. `onProgress` hears ~4×/s.
 */
export function exportMessages(
  connectionId: string,
  request: BrowseRequest,
  target: ExportTarget,
  scanId: string,
  onProgress: (progress: ScanProgress) => void,
): Promise<ExportSummary> {
  const channel = new Channel<ScanProgress>(onProgress);
  return callCommand<ExportSummary>("export_messages", { connectionId, request, target, scanId, onProgress: channel });
}

/** Stops a running page scan, export or live tail; one that already ended is not an error. */
export async function cancelScan(scanId: string): Promise<void> {
  await callCommand<null>("cancel_scan", { scanId });
}

/**
 * Follows new messages until cancelScan(tailId); resolves then. Batches arrive on
 * `onBatch` a few times a second, each saying how many messages it had to drop.
 */
export async function tailMessages(
  connectionId: string,
  topic: string,
  partitions: number[] | null,
  filter: MessageFilter,
  tailId: string,
  onBatch: (batch: TailBatch) => void,
): Promise<void> {
  const channel = new Channel<TailBatch>(onBatch);
  await callCommand<null>("tail_messages", { connectionId, topic, partitions, filter, tailId, onBatch: channel });
}

export function produceMessage(connectionId: string, request: ProduceRequest): Promise<ProduceResult> {
  return callCommand<ProduceResult>("produce_message", { connectionId, request });
}

/** The decoders pinned for a topic's keys and values ("auto" for both when none is). */
export function fetchTopicDecoders(connectionId: string, topic: string): Promise<TopicDecoders> {
  return callCommand<TopicDecoders>("topic_decoders", { connectionId, topic });
}

/** Pins a topic's decoders; "auto" for both removes the pin. */
export async function pinTopicDecoders(connectionId: string, topic: string, decoders: TopicDecoders): Promise<void> {
  await callCommand<null>("pin_topic_decoders", { connectionId, topic, decoders });
}
