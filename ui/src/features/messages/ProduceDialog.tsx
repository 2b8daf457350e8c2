// Produces one message to the topic: key, value (JSON checked by the backend, or text),
// optional partition, headers, or a tombstone. The dialog stays open after a send with
// "Produced to partition P at offset O", so a series of test messages is quick; the page
// on screen refreshes behind it. The backend's "invalid JSON at line L, column C" is shown
// under the value, where the mistake is; so is its answer when the value does not fit the
// registry schema chosen under "Encode with schema" (it names the field).
import { useId, useState, type SubmitEvent } from "react";
import type { AppError } from "../../bindings/AppError";
import type { ProduceFormat } from "../../bindings/ProduceFormat";
import type { ProduceResult } from "../../bindings/ProduceResult";
import { Dialog } from "../../components/Dialog";
import { CheckboxField, SelectField, TextField } from "../../components/fields";
import { InlineError } from "../../components/InlineError";
import { chosenSubject, headerProblems, produceForm, toProduceRequest, type ProduceForm } from "./produceForm";
import { ProduceSchemaSection } from "./ProduceSchemaSection";
import { useProduceMessage, useProduceSubjects } from "./queries";

const FORMATS: readonly ProduceFormat[] = ["json", "text"];
const FORMAT_LABELS: Record<ProduceFormat, string> = { json: "JSON", text: "Text" };

interface ProduceDialogProps {
  connectionId: string;
  topic: string;
  partitionIds: readonly number[];
  /** The connection has a Schema Registry part: offer encoding with one of its schemas. */
  hasRegistry: boolean;
  onClose: () => void;
}

export function ProduceDialog({ connectionId, topic, partitionIds, hasRegistry, onClose }: ProduceDialogProps) {
  const formId = useId();
  const partitionId = useId();
  const produce = useProduceMessage(connectionId);
  const subjects = useProduceSubjects(connectionId, hasRegistry);
  const [form, setForm] = useState<ProduceForm>(produceForm);
  const [nextRowId, setNextRowId] = useState(1);
  const [error, setError] = useState<AppError | null>(null);
  const [result, setResult] = useState<ProduceResult | null>(null);

  const problems = headerProblems(form.headers);
  const valueError = error?.kind === "invalid_input" ? error.message : undefined;
  const subject = hasRegistry ? chosenSubject(form.schema, topic, subjects.data ?? []) : "";
  const encoding = subject !== "" && !form.tombstone;
  // Until the subjects are known, the topic's default subject may still apply.
  const waitingForSubjects = hasRegistry && subjects.isPending;

  const update = (patch: Partial<ProduceForm>) => {
    setForm((current) => ({ ...current, ...patch }));
    setError(null);
  };

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (produce.isPending || waitingForSubjects || problems.some((problem) => problem !== null)) return;
    setError(null);
    setResult(null);
    const request = toProduceRequest(topic, { ...form, schema: { ...form.schema, subject } });
    produce.mutate(request, { onSuccess: setResult, onError: setError });
  };

  return (
    <Dialog
      title={`Produce to “${topic}”`}
      onClose={onClose}
      testId="produce-dialog"
      actions={
        <>
          <button type="button" className="button" data-testid="produce-close" onClick={onClose}>
            Close
          </button>
          <button
            type="submit"
            form={formId}
            className="button button--primary"
            data-testid="produce-submit"
            disabled={produce.isPending || waitingForSubjects}
          >
            {produce.isPending ? "Producing…" : "Produce"}
          </button>
        </>
      }
    >
      <form id={formId} className="produce-form" noValidate onSubmit={onSubmit}>
        <div className="produce-form__row">
          <TextField
            label="Key"
            testId="produce-key"
            value={form.key}
            hint="Empty: no key."
            onChange={(key) => {
              update({ key });
            }}
          />
          <div className="field">
            <label htmlFor={partitionId}>Partition</label>
            <select
              id={partitionId}
              data-testid="produce-partition"
              value={form.partition}
              onChange={(event) => {
                update({ partition: event.target.value });
              }}
            >
              <option value="">By key</option>
              {partitionIds.map((id) => (
                <option key={id} value={String(id)}>
                  {id}
                </option>
              ))}
            </select>
          </div>
          <SelectField
            label="Format"
            testId="produce-format"
            value={encoding ? "json" : form.format}
            options={FORMATS}
            optionLabels={FORMAT_LABELS}
            disabled={encoding}
            hint={encoding ? "The schema encodes JSON." : undefined}
            onChange={(format) => {
              update({ format });
            }}
          />
        </div>
        {hasRegistry && (
          <ProduceSchemaSection
            connectionId={connectionId}
            subjects={subjects.data}
            subjectsError={subjects.error}
            subject={subject}
            choice={form.schema}
            disabled={form.tombstone}
            onChange={(schema) => {
              update({ schema });
            }}
          />
        )}
        <CheckboxField
          label="Tombstone: no value (deletes the key in a compacted topic)"
          testId="produce-tombstone"
          checked={form.tombstone}
          onChange={(tombstone) => {
            update({ tombstone });
          }}
        />
        <TextField
          label="Value"
          testId="produce-value"
          multiline
          rows={8}
          disabled={form.tombstone}
          value={form.tombstone ? "" : form.value}
          placeholder={encoding || form.format === "json" ? '{"id": 1}' : "Any text"}
          error={valueError}
          onChange={(value) => {
            update({ value });
          }}
        />
        <fieldset className="produce-headers">
          <legend>Headers</legend>
          {form.headers.map((row, index) => (
            <div key={row.id} className="produce-headers__row" data-testid="produce-header-row">
              <input
                type="text"
                aria-label={`Header ${String(index + 1)} name`}
                placeholder="name"
                spellCheck={false}
                autoComplete="off"
                data-testid="produce-header-key"
                aria-invalid={problems[index] !== null}
                value={row.key}
                onChange={(event) => {
                  update({
                    headers: form.headers.map((r) => (r.id === row.id ? { ...r, key: event.target.value } : r)),
                  });
                }}
              />
              <input
                type="text"
                aria-label={`Header ${String(index + 1)} value`}
                placeholder="value"
                spellCheck={false}
                autoComplete="off"
                data-testid="produce-header-value"
                value={row.value}
                onChange={(event) => {
                  update({
                    headers: form.headers.map((r) => (r.id === row.id ? { ...r, value: event.target.value } : r)),
                  });
                }}
              />
              <button
                type="button"
                className="button button--ghost"
                data-testid="produce-remove-header"
                aria-label={`Remove header ${String(index + 1)}`}
                onClick={() => {
                  update({ headers: form.headers.filter((r) => r.id !== row.id) });
                }}
              >
                ×
              </button>
              {problems[index] !== null && <p className="field__error produce-headers__error">{problems[index]}</p>}
            </div>
          ))}
          <button
            type="button"
            className="button produce-headers__add"
            data-testid="produce-add-header"
            onClick={() => {
              update({ headers: [...form.headers, { id: nextRowId, key: "", value: "" }] });
              setNextRowId((id) => id + 1);
            }}
          >
            + Add header
          </button>
        </fieldset>
        {result !== null && (
          <p className="produce-result" role="status" data-testid="produce-result">
            Produced to partition {result.partition} at offset {result.offset}
          </p>
        )}
        {error !== null && error.kind !== "invalid_input" && <InlineError error={error} />}
      </form>
    </Dialog>
  );
}
