// The health model: the backoff schedule, which errors and which queries count, and the
// store's transitions (with a clock the test moves by hand).
import { describe, expect, it, vi } from "vitest";
import type { AppError } from "../bindings/AppError";
import type { BrowseRequest } from "../bindings/BrowseRequest";
import { clusterKeys } from "../features/cluster/queries";
import { connectionKeys } from "../features/connections/queries";
import { flinkKeys } from "../features/flink/queries";
import { groupKeys } from "../features/groups/queries";
import { messageKeys } from "../features/messages/queries";
import { schemaKeys } from "../features/schemas/queries";
import { topicKeys } from "../features/topics/queries";
import {
  BACKOFF_CAP_MS,
  DISPROVED_FOR_MS,
  MAX_ATTEMPTS,
  ConnectionHealthStore,
  backoffDelay,
  connectionState,
  isConfirmedLoss,
  isConnectionLoss,
  queryTarget,
  type PartHealth,
} from "./connectionHealth";

const refused: AppError = {
  kind: "unavailable",
  message: "Could not read the cluster metadata from localhost:19092: BrokerTransportFailure.",
};
const stillRefused: AppError = { kind: "unavailable", message: "Still no broker at localhost:19092." };
const KAFKA = { connectionId: "c1", part: "kafka" } as const;

function setUp() {
  let now = 100_000;
  const clock = { now: () => now, random: () => 0.5 };
  const store = new ConnectionHealthStore(clock);
  const kafka = (): PartHealth | undefined => store.getSnapshot().get("c1")?.kafka;
  return {
    store,
    kafka,
    advance: (ms: number) => {
      now += ms;
    },
    now: () => now,
  };
}

describe("backoffDelay", () => {
  it("doubles from 1 s and stops at 30 s", () => {
    const middle = () => 0.5;
    expect([1, 2, 3, 4, 5, 6, 7, 20].map((attempt) => backoffDelay(attempt, middle))).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000,
    ]);
  });

  it("spreads each wait by ±20 %, never past the cap", () => {
    expect(backoffDelay(1, () => 0)).toBe(800);
    expect(backoffDelay(1, () => 1)).toBe(1_200);
    expect(backoffDelay(4, () => 0)).toBe(6_400);
    expect(backoffDelay(9, () => 1)).toBe(BACKOFF_CAP_MS);
    expect(backoffDelay(9, () => 0)).toBe(24_000);
  });
});

describe("isConnectionLoss", () => {
  it("counts unavailable, and internal errors that name the network", () => {
    expect(isConnectionLoss(refused)).toBe(true);
    expect(isConnectionLoss({ kind: "internal", message: "IPC failed: Connection refused (os error 111)" })).toBe(true);
    expect(isConnectionLoss({ kind: "internal", message: "The metadata task stopped: panicked" })).toBe(false);
    expect(isConnectionLoss({ kind: "not_found", message: "Topic 'x' does not exist." })).toBe(false);
    expect(isConnectionLoss({ kind: "forbidden", message: "The broker denied the request." })).toBe(false);
  });
});

describe("queryTarget", () => {
  it("knows which service answers every query of a connection", () => {
    const request = { topic: "t" } as BrowseRequest;
    const kafka = [
      clusterKeys.overview("c1"),
      topicKeys.list("c1"),
      topicKeys.detail("c1", "t"),
      groupKeys.list("c1"),
      groupKeys.detail("c1", "g"),
      messageKeys.topic("c1", "t"),
      messageKeys.page("c1", request),
    ];
    const registry = [schemaKeys.overview("c1"), schemaKeys.subject("c1", "s"), schemaKeys.version("c1", "s", 1)];
    const flink = [
      flinkKeys.overview("c1"),
      flinkKeys.jobs("c1"),
      flinkKeys.graph("c1", "j"),
      flinkKeys.metrics("c1", "j"),
      flinkKeys.vertex("c1", "j", "v"),
      flinkKeys.metricNames("c1", "j", "v"),
      flinkKeys.vertexMetrics("c1", "j", "v", []),
      flinkKeys.checkpoints("c1", "j"),
      flinkKeys.checkpoint("c1", "j", 1),
      flinkKeys.exceptions("c1", "j"),
      flinkKeys.configuration("c1", "j"),
      flinkKeys.savepoint("c1", "j", "t"),
    ];
    for (const key of kafka) expect(queryTarget(key), key[0]).toEqual({ connectionId: "c1", part: "kafka" });
    for (const key of registry) expect(queryTarget(key), key[0]).toEqual({ connectionId: "c1", part: "registry" });
    for (const key of flink) expect(queryTarget(key), key[0]).toEqual({ connectionId: "c1", part: "flink" });
  });

  it("leaves out what no service answers", () => {
    expect(queryTarget(messageKeys.decoders("c1", "t"))).toBeNull(); // the app database
    expect(queryTarget(connectionKeys.all)).toBeNull();
    expect(queryTarget(["app-info"])).toBeNull();
  });
});

describe("ConnectionHealthStore", () => {
  it("moves to reconnecting on the first failure; more failures keep the schedule", () => {
    const { store, kafka, advance, now } = setUp();
    expect(store.queryFailed(topicKeys.list("c1"), "h-topics", refused)).toBe(true);
    const due = now() + 1_000;
    expect(kafka()).toEqual({
      state: "reconnecting",
      attempt: 1,
      nextRetryAt: due,
      lastError: refused,
      probing: false,
      confirmed: false,
    });
    expect(isConfirmedLoss(kafka())).toBe(false);

    advance(300);
    expect(store.queryFailed(groupKeys.list("c1"), "h-groups", stillRefused)).toBe(true);
    expect(kafka()).toMatchObject({ attempt: 1, nextRetryAt: due, lastError: stillRefused });
    expect(connectionState(store.getSnapshot().get("c1"))).toBe("reconnecting");
  });

  it("ignores errors that are not about reaching the service, and queries of no service", () => {
    const { store } = setUp();
    const before = store.getSnapshot();
    expect(store.queryFailed(topicKeys.detail("c1", "x"), "h", { kind: "not_found", message: "gone" })).toBe(false);
    expect(store.queryFailed(connectionKeys.all, "h2", refused)).toBe(false);
    expect(store.getSnapshot()).toBe(before);
  });

  it("waits longer after each failed probe and goes offline after the last one", () => {
    const { store, kafka, advance, now } = setUp();
    store.queryFailed(topicKeys.list("c1"), "h", refused);
    const waits: number[] = [];
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const waiting = kafka();
      if (waiting?.state !== "reconnecting") throw new Error(`attempt ${attempt}: ${waiting?.state ?? "none"}`);
      expect(waiting.attempt).toBe(attempt);
      waits.push(waiting.nextRetryAt - now());
      advance(waiting.nextRetryAt - now());
      store.probeStarted(KAFKA);
      expect(kafka()).toMatchObject({ probing: true });
      advance(10_000); // a metadata request that times out
      store.probeFailed(KAFKA, stillRefused);
    }
    expect(waits).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000, 30_000, 30_000]);
    expect(kafka()).toEqual({ state: "offline", attempts: MAX_ATTEMPTS, lastError: stillRefused });
    expect(connectionState(store.getSnapshot().get("c1"))).toBe("offline");

    // Retry now starts the schedule over, with a probe at once; the loss stays confirmed, so
    // its answer says "Reconnected".
    store.retryNow("c1");
    expect(kafka()).toMatchObject({ state: "reconnecting", attempt: 1, nextRetryAt: now(), probing: false, confirmed: true });
    store.probeStarted(KAFKA);
    store.probeSucceeded(KAFKA);
    expect(kafka()).toEqual({ state: "ok", recoveredAt: now() });
  });

  it("Retry now brings the next probe forward, but not while one is running", () => {
    const { store, kafka, advance, now } = setUp();
    store.queryFailed(topicKeys.list("c1"), "h", refused);
    advance(200);
    store.retryNow("c1");
    expect(kafka()).toMatchObject({ attempt: 1, nextRetryAt: now() });
    store.probeStarted(KAFKA);
    const running = kafka();
    store.retryNow("c1");
    expect(kafka()).toBe(running);
  });

  it("a probe answer that comes after the service was already back changes nothing", () => {
    const { store, kafka } = setUp();
    store.queryFailed(topicKeys.list("c1"), "h", refused);
    store.probeStarted(KAFKA);
    store.querySucceeded(topicKeys.list("c1"), "h");
    const back = kafka();
    store.probeFailed(KAFKA, stillRefused);
    expect(kafka()).toBe(back);
  });

  it("says Reconnected (recoveredAt) only after a confirmed loss, and tells the listeners", () => {
    const { store, kafka, advance, now } = setUp();
    const recovered = vi.fn();
    store.onRecovered(recovered);

    // A failure the first probe contradicts: nothing was lost.
    store.queryFailed(topicKeys.list("c1"), "h", refused);
    store.probeStarted(KAFKA);
    store.probeSucceeded(KAFKA);
    expect(kafka()).toEqual({ state: "ok", recoveredAt: null });
    expect(recovered).toHaveBeenLastCalledWith(KAFKA, null);

    // A confirmed loss, ended by a query's answer: that query needs no refetch.
    store.queryFailed(topicKeys.detail("c1", "t"), "h-detail", refused);
    store.probeStarted(KAFKA);
    store.probeFailed(KAFKA, stillRefused);
    expect(isConfirmedLoss(kafka())).toBe(true);
    advance(5_000);
    store.querySucceeded(clusterKeys.overview("c1"), "h-cluster");
    expect(kafka()).toEqual({ state: "ok", recoveredAt: now() });
    expect(recovered).toHaveBeenLastCalledWith(KAFKA, "h-cluster");
    expect(recovered).toHaveBeenCalledTimes(2);
  });

  it("does not believe again, for a while, a query whose failure a probe contradicted", () => {
    const { store, kafka, advance } = setUp();
    // A broker that cannot describe groups says "unavailable" for the group list only.
    store.queryFailed(groupKeys.list("c1"), "h-groups", refused);
    store.probeStarted(KAFKA);
    store.probeSucceeded(KAFKA);

    expect(store.queryFailed(groupKeys.list("c1"), "h-groups", refused)).toBe(false);
    expect(kafka()).toEqual({ state: "ok", recoveredAt: null });

    // Another query's failure is news.
    expect(store.queryFailed(topicKeys.list("c1"), "h-topics", refused)).toBe(true);
    expect(kafka()).toMatchObject({ state: "reconnecting" });
    store.querySucceeded(topicKeys.list("c1"), "h-topics");

    // And the contradicted one counts again once the contradiction is old.
    advance(DISPROVED_FOR_MS);
    expect(store.queryFailed(groupKeys.list("c1"), "h-groups", refused)).toBe(true);
  });

  it("keeps each service of a connection apart; the connection shows its worst", () => {
    const { store } = setUp();
    store.queryFailed(flinkKeys.jobs("c1"), "h-jobs", refused);
    const c1 = store.getSnapshot().get("c1");
    expect(c1?.kafka).toBeUndefined();
    expect(c1?.flink).toMatchObject({ state: "reconnecting" });
    expect(connectionState(c1)).toBe("reconnecting");
    expect(connectionState(undefined)).toBe("ok");
    const offline: PartHealth = { state: "offline", attempts: 10, lastError: refused };
    expect(connectionState({ ...c1, kafka: offline })).toBe("offline");
    expect(store.getSnapshot().get("c2")).toBeUndefined();
  });
});
