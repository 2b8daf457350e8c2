// The HTTP parts of the editor (Schema Registry and Flink share one shape): URL,
// authentication and its credentials, and an optional CA certificate.
import type { SecretSlot } from "../../../bindings/SecretSlot";
import { HTTP_AUTH_LABELS, HTTP_AUTHS } from "../labels";
import { ENDPOINT_SLOTS, type EndpointForm, type EndpointPart, type SecretInput } from "./editorForm";
import { SelectField, TextField } from "../../../components/fields";
import { SecretField } from "./SecretField";
import type { FieldErrors } from "./validation";

interface EndpointSectionProps {
  part: EndpointPart;
  /** Prefix of the data-testid values: "registry" or "flink". */
  testIdPrefix: string;
  endpoint: EndpointForm;
  onChange: (patch: Partial<EndpointForm>) => void;
  secrets: Record<SecretSlot, SecretInput>;
  onSecretChange: (slot: SecretSlot, input: SecretInput) => void;
  storedSecrets: ReadonlySet<SecretSlot>;
  errors: FieldErrors;
  urlPlaceholder: string;
}

export function EndpointSection({
  part,
  testIdPrefix,
  endpoint,
  onChange,
  secrets,
  onSecretChange,
  storedSecrets,
  errors,
  urlPlaceholder,
}: EndpointSectionProps) {
  const slots = ENDPOINT_SLOTS[part];
  return (
    <div className="part-fields">
      <TextField
        label="URL"
        type="url"
        testId={`${testIdPrefix}-url`}
        value={endpoint.url}
        placeholder={urlPlaceholder}
        error={errors[`${part}.url`]}
        onChange={(url) => {
          onChange({ url });
        }}
      />
      <SelectField
        label="Authentication"
        testId={`${testIdPrefix}-auth`}
        value={endpoint.auth}
        options={HTTP_AUTHS}
        optionLabels={HTTP_AUTH_LABELS}
        onChange={(auth) => {
          onChange({ auth });
        }}
      />
      {endpoint.auth === "basic" && (
        <div className="field-group">
          <TextField
            label="Username"
            testId={`${testIdPrefix}-username`}
            value={endpoint.username}
            error={errors[`${part}.username`]}
            onChange={(username) => {
              onChange({ username });
            }}
          />
          <SecretField
            label="Password"
            testId={`${testIdPrefix}-password`}
            input={secrets[slots.password]}
            stored={storedSecrets.has(slots.password)}
            error={errors[slots.password]}
            onChange={(input) => {
              onSecretChange(slots.password, input);
            }}
          />
        </div>
      )}
      {endpoint.auth === "bearer" && (
        <SecretField
          label="Token"
          testId={`${testIdPrefix}-token`}
          input={secrets[slots.token]}
          stored={storedSecrets.has(slots.token)}
          error={errors[slots.token]}
          onChange={(input) => {
            onSecretChange(slots.token, input);
          }}
        />
      )}
      <TextField
        label="CA certificate (PEM)"
        testId={`${testIdPrefix}-ca-pem`}
        multiline
        value={endpoint.caPem}
        placeholder="-----BEGIN CERTIFICATE-----"
        hint="Only for https:// with a private certificate authority."
        onChange={(caPem) => {
          onChange({ caPem });
        }}
      />
    </div>
  );
}
