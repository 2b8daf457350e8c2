// Follows new messages while `active`: starts a tail with an id of its own and cancels
// exactly that id when it stops (toggle off, new filter or expression, view closed). Batches go to
// `onBatch`; a failure ends the tail and goes to `onError`.
import { useEffect, useEffectEvent } from "react";
import type { AppError } from "../../bindings/AppError";
import type { MessageFilter } from "../../bindings/MessageFilter";
import type { TailBatch } from "../../bindings/TailBatch";
import { cancelScan, tailMessages } from "../../platform";
import { newScanId } from "./scanId";

interface LiveTailOptions {
  active: boolean;
  connectionId: string;
  topic: string;
  partitions: number[] | null;
  filter: MessageFilter;
  onBatch: (batch: TailBatch) => void;
  onError: (error: AppError) => void;
}

export function useLiveTail({ active, connectionId, topic, partitions, filter, onBatch, onError }: LiveTailOptions) {
  const deliver = useEffectEvent(onBatch);
  const fail = useEffectEvent(onError);
  // A stable dependency for the partition list (a new array each render otherwise).
  const partitionKey = partitions === null ? "all" : partitions.join(",");
  // The filter's parts as dependencies, for the same reason.
  const text = filter.text;
  const expression = filter.expression ?? null;

  useEffect(() => {
    if (!active) return;
    const tailId = newScanId("tail");
    const chosen = partitionKey === "all" ? null : partitionKey.split(",").map(Number);
    let stopped = false;
    tailMessages(connectionId, topic, chosen, { text, expression }, tailId, (batch) => {
      if (!stopped) deliver(batch);
    }).catch((error: unknown) => {
      // Everything from src/platform rejects with an AppError.
      if (!stopped) fail(error as AppError);
    });
    return () => {
      stopped = true;
      void cancelScan(tailId);
    };
  }, [active, connectionId, topic, partitionKey, text, expression]);
}
