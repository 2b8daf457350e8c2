// Resets a group's committed offsets on one topic: choose the topic, the target (earliest,
// latest, an offset, a time) and the partitions, Preview the exact from → to changes (a
// dry run), then Apply those. Applying needs the preview of the same settings; when the
// broker could not describe the group (so nobody can tell whether its consumers are
// running) the user must state they are stopped; on prod the group id is typed back.
import { useId, useState, type SubmitEvent } from "react";
import type { AppError } from "../../../bindings/AppError";
import type { ConnectionProfile } from "../../../bindings/ConnectionProfile";
import type { GroupDetail } from "../../../bindings/GroupDetail";
import type { OffsetReset } from "../../../bindings/OffsetReset";
import type { ResetPlan } from "../../../bindings/ResetPlan";
import { Dialog } from "../../../components/Dialog";
import { CheckboxField, SelectField, TextField } from "../../../components/fields";
import { formatCount } from "../../../components/format";
import { InlineError } from "../../../components/InlineError";
import { timeDisplay } from "../../../components/timeFormat";
import { useResetOffsets } from "../queries";
import { resetForm, TARGET_HINTS, TARGET_KINDS, TARGET_LABELS, toOffsetReset, type ResetForm } from "./resetForm";

interface ResetOffsetsDialogProps {
  profile: ConnectionProfile;
  detail: GroupDetail;
  onClose: () => void;
  onApplied: (plan: ResetPlan) => void;
}

export function groupTopics(detail: GroupDetail): string[] {
  return [...new Set([...detail.summary.topics, ...detail.partitions.map((p) => p.topic)])].sort();
}

function ChangesTable({ plan }: { plan: ResetPlan }) {
  if (plan.changes.length === 0) return <p className="muted">No partition to change.</p>;
  return (
    <table className="data-table reset-changes" data-testid="reset-changes">
      <thead>
        <tr>
          <th scope="col" className="numeric">
            Partition
          </th>
          <th scope="col" className="numeric">
            Committed now
          </th>
          <th scope="col" className="numeric">
            After the reset
          </th>
        </tr>
      </thead>
      <tbody>
        {plan.changes.map((change) => (
          <tr
            key={change.partition}
            data-testid="reset-change-row"
            data-partition={change.partition}
            data-from={change.from ?? ""}
            data-to={change.to}
          >
            <td className="numeric">{change.partition}</td>
            <td className="numeric">{change.from === null ? <span className="muted">none</span> : formatCount(change.from)}</td>
            <td className="numeric">
              <span aria-hidden="true" className="muted">
                →{" "}
              </span>
              {formatCount(change.to)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ResetOffsetsDialog({ profile, detail, onClose, onApplied }: ResetOffsetsDialogProps) {
  const formId = useId();
  const topicId = useId();
  const confirmId = useId();
  const groupId = detail.summary.groupId;
  const topics = groupTopics(detail);
  const reset = useResetOffsets(profile.id);
  const [form, setForm] = useState<ResetForm>(() => resetForm(topics[0] ?? ""));
  const [preview, setPreview] = useState<{ reset: OffsetReset; plan: ResetPlan } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [assumeInactive, setAssumeInactive] = useState(false);
  const [typed, setTyped] = useState("");

  const describeFailed = detail.note !== null;
  const prod = profile.environment === "prod";
  const check = toOffsetReset(groupId, form, { dryRun: true, assumeInactive: false });
  const previewCurrent =
    preview !== null && check.ok && JSON.stringify(preview.reset) === JSON.stringify(check.reset);
  const mayApply =
    previewCurrent && (!describeFailed || assumeInactive) && (!prod || typed === groupId) && !reset.isPending;

  const update = (patch: Partial<ResetForm>) => {
    setForm((current) => ({ ...current, ...patch }));
    setProblem(null);
    setError(null);
  };

  const runPreview = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!check.ok) {
      setProblem(check.problem);
      return;
    }
    setError(null);
    const request = check.reset;
    reset.mutate(
      { reset: request, confirmation: null },
      {
        onSuccess: (plan) => {
          setPreview({ reset: request, plan });
        },
        onError: setError,
      },
    );
  };

  const apply = () => {
    if (!mayApply) return;
    setError(null);
    reset.mutate(
      {
        reset: { ...preview.reset, dryRun: false, assumeInactive: describeFailed && assumeInactive },
        confirmation: prod ? typed : null,
      },
      { onSuccess: onApplied, onError: setError },
    );
  };

  return (
    <Dialog
      title={`Reset offsets of “${groupId}”`}
      onClose={onClose}
      testId="reset-dialog"
      actions={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            form={formId}
            className="button"
            data-testid="reset-preview"
            disabled={reset.isPending}
          >
            Preview
          </button>
          <button
            type="button"
            className="button button--danger"
            data-testid="reset-apply"
            disabled={!mayApply}
            title={previewCurrent ? undefined : "Preview these settings first"}
            onClick={apply}
          >
            {reset.isPending && !reset.variables.reset.dryRun ? "Applying…" : "Apply"}
          </button>
        </>
      }
    >
      <form id={formId} className="reset-form" noValidate onSubmit={runPreview}>
        {topics.length > 0 ? (
          <div className="field">
            <label htmlFor={topicId}>Topic</label>
            <select
              id={topicId}
              data-testid="reset-topic"
              value={form.topic}
              onChange={(event) => {
                update({ topic: event.target.value });
              }}
            >
              {topics.map((topic) => (
                <option key={topic} value={topic}>
                  {topic}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <TextField
            label="Topic"
            testId="reset-topic"
            value={form.topic}
            hint="The group has no committed offsets yet; name the topic to set them on."
            onChange={(topic) => {
              update({ topic });
            }}
          />
        )}
        <div className="reset-form__row">
          <SelectField
            label="Reset to"
            testId="reset-target"
            value={form.target}
            options={TARGET_KINDS}
            optionLabels={TARGET_LABELS}
            hint={TARGET_HINTS[form.target]}
            onChange={(target) => {
              update({ target, value: "" });
            }}
          />
          {form.target === "offset" && (
            <TextField
              label="Offset"
              type="number"
              min={0}
              testId="reset-value"
              value={form.value}
              onChange={(value) => {
                update({ value });
              }}
            />
          )}
          {form.target === "timestamp" && (
            <div className="field">
              <label htmlFor={`${formId}-time`}>Time ({timeDisplay().timeZone})</label>
              <input
                id={`${formId}-time`}
                type="datetime-local"
                step="1"
                data-testid="reset-value"
                value={form.value}
                onChange={(event) => {
                  update({ value: event.target.value });
                }}
              />
            </div>
          )}
        </div>
        <TextField
          label="Partitions"
          testId="reset-partitions"
          value={form.partitions}
          placeholder="All"
          hint="Empty for every partition of the topic, or a list such as 0, 2, 5."
          onChange={(partitions) => {
            update({ partitions });
          }}
        />
        {problem !== null && (
          <p className="field__error" role="alert" data-testid="reset-problem">
            {problem}
          </p>
        )}
      </form>

      {preview !== null && previewCurrent && (
        <section className="reset-preview" aria-label="Preview">
          <h3 className="reset-preview__title">
            Preview: {preview.plan.changes.length} partition{preview.plan.changes.length === 1 ? "" : "s"} of{" "}
            <code>{preview.plan.topic}</code>
          </h3>
          <ChangesTable plan={preview.plan} />
        </section>
      )}
      {preview !== null && !previewCurrent && (
        <p className="muted" data-testid="reset-preview-stale">
          The settings changed since the preview: preview again before applying.
        </p>
      )}

      {describeFailed && (
        <CheckboxField
          label="I have stopped this group’s consumers (the broker cannot say whether they are running)"
          testId="assume-inactive"
          checked={assumeInactive}
          onChange={setAssumeInactive}
        />
      )}
      {prod && (
        <div className="field">
          <label htmlFor={confirmId}>
            This is a <strong>production</strong> connection. Type <code>{groupId}</code> to apply.
          </label>
          <input
            id={confirmId}
            type="text"
            autoComplete="off"
            spellCheck={false}
            data-testid="confirm-group-id"
            value={typed}
            onChange={(event) => {
              setTyped(event.target.value);
            }}
          />
        </div>
      )}
      {error !== null && <InlineError error={error} />}
    </Dialog>
  );
}
