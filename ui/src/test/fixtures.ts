// Builders for backend values used across unit tests. Each returns a complete, valid
// object; tests override only the fields they are about.
import type { AppInfo } from "../bindings/AppInfo";
import type { ClusterOverview } from "../bindings/ClusterOverview";
import type { ConfigEntry } from "../bindings/ConfigEntry";
import type { ConnectionProfile } from "../bindings/ConnectionProfile";
import type { PartitionInfo } from "../bindings/PartitionInfo";
import type { PartProbe } from "../bindings/PartProbe";
import type { ProbeReport } from "../bindings/ProbeReport";
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
