// Builders for backend values used across unit tests. Each returns a complete, valid
// object; tests override only the fields they are about.
import type { AppInfo } from "../bindings/AppInfo";
import type { AppSettings } from "../bindings/AppSettings";
import type { ClusterOverview } from "../bindings/ClusterOverview";
import type { ConfigEntry } from "../bindings/ConfigEntry";
import type { ConnectionProfile } from "../bindings/ConnectionProfile";
import type { GroupDetail } from "../bindings/GroupDetail";
import type { GroupSummary } from "../bindings/GroupSummary";
import type { MessagePage } from "../bindings/MessagePage";
import type { MessageRecord } from "../bindings/MessageRecord";
import type { PartitionInfo } from "../bindings/PartitionInfo";
import type { PartProbe } from "../bindings/PartProbe";
import type { Payload } from "../bindings/Payload";
import type { ProbeReport } from "../bindings/ProbeReport";
import type { RegistryOverview } from "../bindings/RegistryOverview";
import type { SubjectDetail } from "../bindings/SubjectDetail";
import type { SubjectVersion } from "../bindings/SubjectVersion";
import type { TopicDetail } from "../bindings/TopicDetail";
import type { TopicSummary } from "../bindings/TopicSummary";

export function appInfo(overrides: Partial<AppInfo> = {}): AppInfo {
  return {
    version: "0.1.0",
    dataDir: "/home/me/.local/share/streamlens",
    logFile: "/home/me/.local/share/streamlens/streamlens.log",
    role: "developer",
    ...overrides,
  };
}

/** The backend's defaults (what app_settings answers before anything was saved). */
export function appSettings(overrides: Partial<AppSettings> = {}): AppSettings {
  return {
    theme: "system",
    timeZone: "local",
    timestampFormat: "iso",
    refreshMs: 5_000,
    pageSize: 100,
    tailRows: 10_000,
    defaultDecoders: { key: "auto", value: "auto" },
    ...overrides,
  };
}

export function profile(overrides: Partial<ConnectionProfile> = {}): ConnectionProfile {
  return {
    id: "c-local",
    name: "Local",
    environment: "dev",
    kafka: {
      bootstrapServers: "127.0.0.1:19092",
      securityProtocol: "plaintext",
      saslMechanism: "plain",
      saslUsername: null,
      tls: { caPem: null, clientCertPem: null, verifyHostname: true },
    },
    schemaRegistry: { url: "http://127.0.0.1:18081", auth: "none", username: null, caPem: null },
    flink: { url: "http://127.0.0.1:18082", auth: "none", username: null, caPem: null },
    storedSecrets: [],
    createdAt: "2025-01-01T00:00:00Z",
    updatedAt: "2025-01-01T00:00:00Z",
    ...overrides,
  };
}

export function okProbe(summary: string, elapsedMs = 12): PartProbe {
  return { ok: true, summary, failure: null, elapsedMs };
}

export function probeReport(overrides: Partial<ProbeReport> = {}): ProbeReport {
  return {
    kafka: okProbe("1 broker, 4 topics"),
    schemaRegistry: okProbe("12 subjects"),
    flink: okProbe("Flink 2.3.0, 2 jobs running"),
    ...overrides,
  };
}

export function clusterOverview(overrides: Partial<ClusterOverview> = {}): ClusterOverview {
  return {
    brokers: [{ id: 1, host: "127.0.0.1", port: 19092 }],
    controllerId: 1,
    clusterId: "streamlens-local",
    topicCount: 3,
    internalTopicCount: 1,
    partitionCount: 59,
    ...overrides,
  };
}

export function topicSummary(overrides: Partial<TopicSummary> = {}): TopicSummary {
  return {
    name: "demo.orders",
    internal: false,
    partitions: 3,
    replicationFactor: 1,
    messageCount: 200,
    ...overrides,
  };
}

export function partitionInfo(overrides: Partial<PartitionInfo> = {}): PartitionInfo {
  return {
    id: 0,
    leader: 1,
    replicas: [1],
    isr: [1],
    lowWatermark: 0,
    highWatermark: 67,
    messageCount: 67,
    ...overrides,
  };
}

export function configEntry(overrides: Partial<ConfigEntry> = {}): ConfigEntry {
  return {
    name: "cleanup.policy",
    value: "delete",
    isDefault: true,
    isReadOnly: false,
    isSensitive: false,
    ...overrides,
  };
}

export function topicDetail(overrides: Partial<TopicDetail> = {}): TopicDetail {
  return {
    name: "demo.orders",
    internal: false,
    partitions: [
      partitionInfo({ id: 0, highWatermark: 67, messageCount: 67 }),
      partitionInfo({ id: 1, highWatermark: 67, messageCount: 67 }),
      partitionInfo({ id: 2, highWatermark: 66, messageCount: 66 }),
    ],
    messageCount: 200,
    configs: [
      configEntry(),
      configEntry({ name: "retention.ms", value: "86400000", isDefault: false }),
    ],
    configNote: null,
    ...overrides,
  };
}

export function payload(overrides: Partial<Payload> = {}): Payload {
  return {
    format: "text",
    text: "hello",
    size: 5,
    truncated: false,
    decoder: "utf-8",
    note: null,
    schema: null,
    failed: false,
    masks: [],
    ...overrides,
  };
}

/** A JSON payload as the backend sends it: compact text, decoder "json". */
export function jsonPayload(value: unknown): Payload {
  const text = JSON.stringify(value);
  return payload({ format: "json", text, size: new TextEncoder().encode(text).length, decoder: "json" });
}

export function withheldPayload(size = 120): Payload {
  return payload({
    format: "withheld",
    text: null,
    size,
    decoder: "none",
    note: "Withheld: binary data cannot be checked for personal data, so the support role does not see it.",
  });
}

/** A JSON payload as a masked role sees it: the masked text, and where and by which rule. */
export function maskedPayload(value: unknown, masks: Payload["masks"]): Payload {
  return { ...jsonPayload(value), masks };
}

export function messageRecord(overrides: Partial<MessageRecord> = {}): MessageRecord {
  return {
    partition: 0,
    offset: 0,
    timestamp: 1_767_225_600_000,
    timestampKind: "create_time",
    key: payload({ text: "P-0000001", size: 9 }),
    value: jsonPayload({ payment_id: "P-0000001", amount: { value: 12.5, currency: "EUR" } }),
    headers: [],
    sizeBytes: 80,
    ...overrides,
  };
}

/** `count` messages spread over `partitions` partitions, offsets counting up per partition. */
export function messageRecords(count: number, partitions = 3, firstOffset = 0): MessageRecord[] {
  return Array.from({ length: count }, (_, i) =>
    messageRecord({
      partition: i % partitions,
      offset: firstOffset + Math.floor(i / partitions),
      timestamp: 1_767_225_600_000 + i * 1000,
      key: payload({ text: `k-${String(i)}`, size: 3 }),
      value: jsonPayload({ n: i }),
    }),
  );
}

export function messagePage(overrides: Partial<MessagePage> = {}): MessagePage {
  return {
    messages: [],
    next: [],
    previous: [],
    hasNewer: false,
    hasOlder: false,
    scanned: 0,
    matched: 0,
    incomplete: false,
    stopped: null,
    registryNotice: null,
    ...overrides,
  };
}

export function groupSummary(overrides: Partial<GroupSummary> = {}): GroupSummary {
  return {
    groupId: "billing",
    state: "Stable",
    protocolType: "consumer",
    members: 1,
    totalLag: 42,
    topics: ["demo.orders"],
    ...overrides,
  };
}

export function groupDetail(overrides: Partial<GroupDetail> = {}): GroupDetail {
  return {
    summary: groupSummary(),
    members: [
      { memberId: "consumer-1-abc", clientId: "consumer-1", host: "/10.0.0.7", assignment: ["demo.orders-0"] },
    ],
    partitions: [
      { topic: "demo.orders", partition: 0, committed: 25, endOffset: 67, lag: 42, memberId: "consumer-1-abc" },
    ],
    note: null,
    ...overrides,
  };
}

export function registryOverview(overrides: Partial<RegistryOverview> = {}): RegistryOverview {
  return { subjects: [], compatibility: "BACKWARD", mode: "READWRITE", ...overrides };
}

/** Version 1 of demo.orders-value: an Avro record with two fields. */
export function subjectVersion(overrides: Partial<SubjectVersion> = {}): SubjectVersion {
  return {
    subject: "demo.orders-value",
    version: 1,
    id: 1,
    schemaType: "AVRO",
    schema: '{"type":"record","name":"Order","fields":[{"name":"id","type":"string"},{"name":"amount","type":"double"}]}',
    references: [],
    ...overrides,
  };
}

export function subjectDetail(overrides: Partial<SubjectDetail> = {}): SubjectDetail {
  return {
    subject: "demo.orders-value",
    versions: [1],
    latest: subjectVersion(),
    compatibility: "BACKWARD",
    compatibilityIsGlobal: true,
    mode: "READWRITE",
    topics: ["demo.orders"],
    ...overrides,
  };
}
