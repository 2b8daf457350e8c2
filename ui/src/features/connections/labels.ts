// Human words for the backend's enums. Kept in one place so the sidebar, the detail
// view, the editor and the probe results all say the same thing.
import type { Environment } from "../../bindings/Environment";
import type { FailureKind } from "../../bindings/FailureKind";
import type { HttpAuth } from "../../bindings/HttpAuth";
import type { SaslMechanism } from "../../bindings/SaslMechanism";
import type { SecretSlot } from "../../bindings/SecretSlot";
import type { SecurityProtocol } from "../../bindings/SecurityProtocol";

export const ENVIRONMENTS: readonly Environment[] = ["dev", "test", "prod"];

export const ENVIRONMENT_LABELS: Record<Environment, string> = {
  dev: "Development",
  test: "Test",
  prod: "Production",
};

export const SECURITY_PROTOCOLS: readonly SecurityProtocol[] = [
  "plaintext",
  "ssl",
  "sasl_plaintext",
  "sasl_ssl",
];

export const SECURITY_PROTOCOL_LABELS: Record<SecurityProtocol, string> = {
  plaintext: "PLAINTEXT",
  ssl: "SSL",
  sasl_plaintext: "SASL_PLAINTEXT",
  sasl_ssl: "SASL_SSL",
};

export const SASL_MECHANISMS: readonly SaslMechanism[] = ["plain", "scram_sha_256", "scram_sha_512"];

export const SASL_MECHANISM_LABELS: Record<SaslMechanism, string> = {
  plain: "PLAIN",
  scram_sha_256: "SCRAM-SHA-256",
  scram_sha_512: "SCRAM-SHA-512",
};

export const HTTP_AUTHS: readonly HttpAuth[] = ["none", "basic", "bearer"];

export const HTTP_AUTH_LABELS: Record<HttpAuth, string> = {
  none: "No authentication",
  basic: "Basic (username + password)",
  bearer: "Bearer token",
};

export const SECRET_SLOT_LABELS: Record<SecretSlot, string> = {
  kafka_password: "Kafka SASL password",
  kafka_client_key: "Kafka client private key",
  registry_password: "Schema Registry password",
  registry_token: "Schema Registry token",
  flink_password: "Flink password",
  flink_token: "Flink token",
};

export const FAILURE_KIND_LABELS: Record<FailureKind, string> = {
  invalid_config: "Invalid settings",
  missing_secret: "Secret missing",
  dns: "DNS lookup failed",
  refused: "Connection refused",
  timeout: "Timed out",
  tls: "TLS error",
  auth: "Authentication failed",
  wrong_service: "Wrong service on that port",
  protocol: "Protocol error",
};

export function usesSasl(protocol: SecurityProtocol): boolean {
  return protocol === "sasl_plaintext" || protocol === "sasl_ssl";
}

export function usesTls(protocol: SecurityProtocol): boolean {
  return protocol === "ssl" || protocol === "sasl_ssl";
}
