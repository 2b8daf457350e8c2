// The add/edit form for a connection profile. It owns the form state, shows client-side
// validation after the first Save or Test, sends a ProfileDraft through the platform,
// shows the backend's invalid_input inline, and sends every other AppError to the banner.
import { useEffect, useRef, useState, type SubmitEvent } from "react";
import type { AppError } from "../../../bindings/AppError";
import type { ProfileDraft } from "../../../bindings/ProfileDraft";
import type { SecretSlot } from "../../../bindings/SecretSlot";
import { useReportError } from "../../../app/AppProviders";
import { useNavigation } from "../../../app/navigation";
import { Spinner } from "../../../components/Spinner";
import { ENVIRONMENT_LABELS, ENVIRONMENTS } from "../labels";
import { ProbeResults } from "../ProbeResults";
import { useSaveConnection, useTestConnectionDraft } from "../queries";
import { buildDraft, type EditorForm, type EndpointForm, type KafkaForm, type SecretInput } from "./editorForm";
import { EndpointSection } from "./EndpointSection";
import { SelectField, TextField } from "../../../components/fields";
import { KafkaSection } from "./KafkaSection";
import { PartSection } from "./PartSection";
import { hasErrors, validateForm, type FieldErrors } from "./validation";
import "./editor.css";

type Part = "kafka" | "schemaRegistry" | "flink";

const PART_ERROR_KEYS: Record<Part, readonly (keyof FieldErrors)[]> = {
  kafka: ["kafka.bootstrapServers", "kafka.saslUsername", "kafka_password", "kafka_client_key"],
  schemaRegistry: ["schemaRegistry.url", "schemaRegistry.username", "registry_password", "registry_token"],
  flink: ["flink.url", "flink.username", "flink_password", "flink_token"],
};

function partHasErrors(errors: FieldErrors, part: Part): boolean {
  return PART_ERROR_KEYS[part].some((key) => errors[key] !== undefined);
}

interface ConnectionEditorProps {
  initialForm: EditorForm;
  storedSecrets: readonly SecretSlot[];
}

export function ConnectionEditor({ initialForm, storedSecrets }: ConnectionEditorProps) {
  const { navigate } = useNavigation();
  const reportError = useReportError();
  const save = useSaveConnection();
  const testDraft = useTestConnectionDraft();
  const [form, setForm] = useState(initialForm);
  const [attempted, setAttempted] = useState(false);
  const [serverError, setServerError] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<Record<Part, boolean>>({
    kafka: true,
    schemaRegistry: true,
    flink: true,
  });
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstError = useRef(false);

  const stored = new Set(storedSecrets);
  const errors = attempted ? validateForm(form, storedSecrets) : {};
  const busy = save.isPending || testDraft.isPending;

  // After a rejected Save/Test, move focus to the first field that needs fixing.
  useEffect(() => {
    if (!focusFirstError.current) return;
    focusFirstError.current = false;
    formRef.current?.querySelector<HTMLElement>("[aria-invalid='true'], .form-error")?.focus();
  });

  const setKafka = (patch: Partial<KafkaForm>) => {
    setForm((f) => ({ ...f, kafka: { ...f.kafka, ...patch } }));
  };
  const setEndpoint = (part: "schemaRegistry" | "flink") => (patch: Partial<EndpointForm>) => {
    setForm((f) => ({ ...f, [part]: { ...f[part], ...patch } }));
  };
  const setSecret = (slot: SecretSlot, input: SecretInput) => {
    setForm((f) => ({ ...f, secrets: { ...f.secrets, [slot]: input } }));
  };
  const setPartEnabled = (part: Part) => (enabled: boolean) => {
    setForm((f) => ({ ...f, [part]: { ...f[part], enabled } }));
  };
  const setPartExpanded = (part: Part) => (open: boolean) => {
    setExpanded((e) => ({ ...e, [part]: open }));
  };

  /** Validates; returns the draft to send, or null after revealing what is wrong. */
  const checkedDraft = (): ProfileDraft | null => {
    setAttempted(true);
    setServerError(null);
    const found = validateForm(form, storedSecrets);
    if (hasErrors(found)) {
      setExpanded((e) => ({
        kafka: e.kafka || partHasErrors(found, "kafka"),
        schemaRegistry: e.schemaRegistry || partHasErrors(found, "schemaRegistry"),
        flink: e.flink || partHasErrors(found, "flink"),
      }));
      focusFirstError.current = true;
      return null;
    }
    return buildDraft(form, storedSecrets);
  };

  const onBackendError = (error: AppError) => {
    if (error.kind === "invalid_input") {
      setServerError(error.message);
      focusFirstError.current = true;
    } else {
      reportError(error);
    }
  };

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const draft = checkedDraft();
    if (draft === null) return;
    save.mutate(draft, {
      onSuccess: (profile) => {
        // Back to the Settings tab: right after saving, testing what was saved is the
        // natural next step, and that is where Test connection lives.
        navigate({ kind: "connection", id: profile.id, tab: "settings" });
      },
      onError: onBackendError,
    });
  };

  const onTest = () => {
    const draft = checkedDraft();
    if (draft === null) return;
    testDraft.mutate(draft, { onError: onBackendError });
  };

  const onCancel = () => {
    navigate(form.id === null ? { kind: "home" } : { kind: "connection", id: form.id, tab: "settings" });
  };

  const sectionProps = { secrets: form.secrets, onSecretChange: setSecret, storedSecrets: stored, errors };

  return (
    <form className="connection-editor" ref={formRef} noValidate onSubmit={onSubmit}>
      <header className="view-header">
        <h2>{form.id === null ? "Add a connection" : `Edit “${initialForm.name}”`}</h2>
      </header>

      {errors.form !== undefined && (
        <p className="form-error" role="alert" tabIndex={-1}>
          {errors.form}
        </p>
      )}
      {serverError !== null && (
        <p className="form-error" role="alert" tabIndex={-1} data-testid="form-error">
          {serverError}
        </p>
      )}

      <div className="editor-general">
        <TextField
          label="Name"
          testId="conn-name"
          value={form.name}
          placeholder="e.g. Payments (staging)"
          error={errors.name}
          onChange={(name) => {
            setForm((f) => ({ ...f, name }));
          }}
        />
        <SelectField
          label="Environment"
          testId="conn-environment"
          value={form.environment}
          options={ENVIRONMENTS}
          optionLabels={ENVIRONMENT_LABELS}
          hint={
            form.environment === "prod"
              ? "Production: destructive actions ask for confirmation and data is masked by default."
              : undefined
          }
          onChange={(environment) => {
            setForm((f) => ({ ...f, environment }));
          }}
        />
      </div>

      <PartSection
        title="Kafka"
        description="Brokers to browse topics, consumer groups and lag."
        enableTestId="kafka-enabled"
        enabled={form.kafka.enabled}
        onEnabledChange={setPartEnabled("kafka")}
        expanded={expanded.kafka}
        onExpandedChange={setPartExpanded("kafka")}
        hasErrors={partHasErrors(errors, "kafka")}
      >
        <KafkaSection kafka={form.kafka} onChange={setKafka} {...sectionProps} />
      </PartSection>

      <PartSection
        title="Schema Registry"
        description="Decodes Avro, JSON Schema and Protobuf messages."
        enableTestId="registry-enabled"
        enabled={form.schemaRegistry.enabled}
        onEnabledChange={setPartEnabled("schemaRegistry")}
        expanded={expanded.schemaRegistry}
        onExpandedChange={setPartExpanded("schemaRegistry")}
        hasErrors={partHasErrors(errors, "schemaRegistry")}
      >
        <EndpointSection
          part="schemaRegistry"
          testIdPrefix="registry"
          urlPlaceholder="https://registry.example.com"
          endpoint={form.schemaRegistry}
          onChange={setEndpoint("schemaRegistry")}
          {...sectionProps}
        />
      </PartSection>

      <PartSection
        title="Flink"
        description="The JobManager's REST API, for job graphs, metrics and recordings."
        enableTestId="flink-enabled"
        enabled={form.flink.enabled}
        onEnabledChange={setPartEnabled("flink")}
        expanded={expanded.flink}
        onExpandedChange={setPartExpanded("flink")}
        hasErrors={partHasErrors(errors, "flink")}
      >
        <EndpointSection
          part="flink"
          testIdPrefix="flink"
          urlPlaceholder="http://jobmanager:8081"
          endpoint={form.flink}
          onChange={setEndpoint("flink")}
          {...sectionProps}
        />
      </PartSection>

      <section className="probe-panel" aria-label="Connection test" aria-live="polite">
        {testDraft.isPending ? (
          <Spinner label="Testing connection…" />
        ) : (
          testDraft.data && <ProbeResults report={testDraft.data} />
        )}
      </section>

      <footer className="editor-actions">
        <button type="submit" className="button button--primary" data-testid="save-connection" disabled={busy}>
          {save.isPending ? "Saving…" : "Save"}
        </button>
        <button type="button" className="button" data-testid="test-draft" disabled={busy} onClick={onTest}>
          Test
        </button>
        <button type="button" className="button button--ghost" data-testid="cancel-edit" onClick={onCancel}>
          Cancel
        </button>
      </footer>
    </form>
  );
}
