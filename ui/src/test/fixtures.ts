// Builders for backend values used across unit tests. Each returns a complete, valid
// object; tests override only the fields they are about.
import type { AppInfo } from "../bindings/AppInfo";
import type { ConnectionProfile } from "../bindings/ConnectionProfile";
import type { PartProbe } from "../bindings/PartProbe";
import type { ProbeReport } from "../bindings/ProbeReport";

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
