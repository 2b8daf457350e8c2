// The Kafka part of the editor: bootstrap servers, security protocol, and the SASL and
// TLS fields that only appear when the chosen protocol uses them.
import type { SecretSlot } from "../../../bindings/SecretSlot";
import {
  SASL_MECHANISM_LABELS,
  SASL_MECHANISMS,
  SECURITY_PROTOCOL_LABELS,
  SECURITY_PROTOCOLS,
  usesSasl,
  usesTls,
} from "../labels";
import type { KafkaForm, SecretInput } from "./editorForm";
import { CheckboxField, SelectField, TextField } from "../../../components/fields";
import { SecretField } from "./SecretField";
import type { FieldErrors } from "./validation";

interface KafkaSectionProps {
  kafka: KafkaForm;
  onChange: (patch: Partial<KafkaForm>) => void;
  secrets: Record<SecretSlot, SecretInput>;
  onSecretChange: (slot: SecretSlot, input: SecretInput) => void;
  storedSecrets: ReadonlySet<SecretSlot>;
  errors: FieldErrors;
}

export function KafkaSection({ kafka, onChange, secrets, onSecretChange, storedSecrets, errors }: KafkaSectionProps) {
  const sasl = usesSasl(kafka.securityProtocol);
  const tls = usesTls(kafka.securityProtocol);
  return (
    <div className="part-fields">
      <TextField
        label="Bootstrap servers"
        testId="kafka-bootstrap"
        value={kafka.bootstrapServers}
        placeholder="broker1:9092,broker2:9092"
        hint="Comma-separated host:port pairs."
        error={errors["kafka.bootstrapServers"]}
        onChange={(bootstrapServers) => {
          onChange({ bootstrapServers });
        }}
      />
      <SelectField
        label="Security protocol"
        testId="kafka-protocol"
        value={kafka.securityProtocol}
        options={SECURITY_PROTOCOLS}
        optionLabels={SECURITY_PROTOCOL_LABELS}
        onChange={(securityProtocol) => {
          onChange({ securityProtocol });
        }}
      />
      {sasl && (
        <div className="field-group">
          <h4 className="field-group__title">SASL</h4>
          <SelectField
            label="Mechanism"
            testId="kafka-sasl-mechanism"
            value={kafka.saslMechanism}
            options={SASL_MECHANISMS}
            optionLabels={SASL_MECHANISM_LABELS}
            onChange={(saslMechanism) => {
              onChange({ saslMechanism });
            }}
          />
          <TextField
            label="Username"
            testId="kafka-sasl-username"
            value={kafka.saslUsername}
            error={errors["kafka.saslUsername"]}
            onChange={(saslUsername) => {
              onChange({ saslUsername });
            }}
          />
          <SecretField
            label="Password"
            testId="kafka-sasl-password"
            input={secrets.kafka_password}
            stored={storedSecrets.has("kafka_password")}
            error={errors.kafka_password}
            onChange={(input) => {
              onSecretChange("kafka_password", input);
            }}
          />
        </div>
      )}
      {tls && (
        <div className="field-group">
          <h4 className="field-group__title">TLS</h4>
          <TextField
            label="CA certificate (PEM)"
            testId="kafka-ca-pem"
            multiline
            value={kafka.caPem}
            placeholder="-----BEGIN CERTIFICATE-----"
            hint="Leave blank to trust the system's certificate authorities."
            onChange={(caPem) => {
              onChange({ caPem });
            }}
          />
          <TextField
            label="Client certificate (PEM)"
            testId="kafka-client-cert-pem"
            multiline
            value={kafka.clientCertPem}
            placeholder="-----BEGIN CERTIFICATE-----"
            hint="Only for mutual TLS."
            onChange={(clientCertPem) => {
              onChange({ clientCertPem });
            }}
          />
          <SecretField
            label="Client private key (PEM)"
            testId="kafka-client-key"
            multiline
            input={secrets.kafka_client_key}
            stored={storedSecrets.has("kafka_client_key")}
            error={errors.kafka_client_key}
            onChange={(input) => {
              onSecretChange("kafka_client_key", input);
            }}
          />
          <CheckboxField
            label="Verify the broker's hostname against its certificate"
            testId="kafka-verify-hostname"
            checked={kafka.verifyHostname}
            onChange={(verifyHostname) => {
              onChange({ verifyHostname });
            }}
          />
        </div>
      )}
    </div>
  );
}
