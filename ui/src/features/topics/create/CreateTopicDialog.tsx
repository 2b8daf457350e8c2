// Creates a topic: name, partitions, replication factor and optional configs, checked
// here first (Kafka's rules) and by the backend again. On a prod connection the name has
// to be typed a second time. Every backend refusal is shown inside the dialog, since
// that is where the user is looking and the form is still there to fix.
import { useId, useState, type SubmitEvent } from "react";
import type { AppError } from "../../../bindings/AppError";
import type { ConnectionProfile } from "../../../bindings/ConnectionProfile";
import { Dialog } from "../../../components/Dialog";
import { TextField } from "../../../components/fields";
import { InlineError } from "../../../components/InlineError";
import { useCreateTopic } from "../queries";
import { ConfigOverridesField } from "./ConfigOverridesField";
import { checkNewTopic, hasErrors, newTopicForm, toNewTopic, type NewTopicForm } from "./newTopicForm";

interface CreateTopicDialogProps {
  profile: ConnectionProfile;
  onClose: () => void;
  onCreated: (topic: string) => void;
}

export function CreateTopicDialog({ profile, onClose, onCreated }: CreateTopicDialogProps) {
  const formId = useId();
  const confirmId = useId();
  const create = useCreateTopic(profile.id);
  const [form, setForm] = useState<NewTopicForm>(newTopicForm);
  const [submitted, setSubmitted] = useState(false);
  const [backendError, setBackendError] = useState<AppError | null>(null);

  const errors = checkNewTopic(form);
  const name = form.name.trim();
  const needsConfirmation = profile.environment === "prod";
  const confirmed = !needsConfirmation || (name !== "" && form.confirmation === name);
  // A bad character is worth saying as it is typed; "required"-style errors wait for
  // the first submit so an untouched form is not red.
  const nameError = submitted || form.name !== "" ? errors.name : null;

  const update = (patch: Partial<NewTopicForm>) => {
    setForm((current) => ({ ...current, ...patch }));
    setBackendError(null);
  };

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(true);
    if (hasErrors(errors) || !confirmed || create.isPending) return;
    create.mutate(
      { topic: toNewTopic(form), confirmation: needsConfirmation ? form.confirmation : null },
      {
        onSuccess: (created) => {
          onCreated(created.name);
        },
        onError: setBackendError,
      },
    );
  };

  return (
    <Dialog
      title="Create topic"
      onClose={onClose}
      testId="create-topic-dialog"
      actions={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            form={formId}
            className="button button--primary"
            data-testid="create-topic-submit"
            disabled={!confirmed || create.isPending}
          >
            {create.isPending ? "Creating…" : "Create topic"}
          </button>
        </>
      }
    >
      <form id={formId} className="create-topic-form" noValidate onSubmit={onSubmit}>
        <TextField
          label="Name"
          testId="new-topic-name"
          value={form.name}
          error={nameError ?? undefined}
          hint="Letters, digits, “.”, “_” and “-”; up to 249 characters."
          onChange={(value) => {
            update({ name: value });
          }}
        />
        <div className="create-topic-form__counts">
          <TextField
            label="Partitions"
            type="number"
            min={1}
            testId="new-topic-partitions"
            value={form.partitions}
            error={submitted ? (errors.partitions ?? undefined) : undefined}
            onChange={(value) => {
              update({ partitions: value });
            }}
          />
          <TextField
            label="Replication factor"
            type="number"
            min={1}
            testId="new-topic-replication"
            value={form.replicationFactor}
            error={submitted ? (errors.replicationFactor ?? undefined) : undefined}
            onChange={(value) => {
              update({ replicationFactor: value });
            }}
          />
        </div>
        <ConfigOverridesField
          rows={form.configs}
          errors={submitted ? errors.configs : []}
          onChange={(configs) => {
            update({ configs });
          }}
        />
        {needsConfirmation && (
          <div className="field confirm-field">
            <label htmlFor={confirmId}>
              This is a <strong>production</strong> connection. Type{" "}
              {name === "" ? "the topic name" : <code>{name}</code>} again to confirm.
            </label>
            <input
              id={confirmId}
              type="text"
              autoComplete="off"
              spellCheck={false}
              data-testid="confirm-topic-name"
              value={form.confirmation}
              onChange={(event) => {
                update({ confirmation: event.target.value });
              }}
            />
          </div>
        )}
        {backendError !== null && <InlineError error={backendError} />}
      </form>
    </Dialog>
  );
}
