// Confirms deleting a topic, which deletes its messages for good. On a prod connection
// the topic name has to be typed back before the button enables (the backend checks the
// same text). A refusal from the backend is shown in the dialog, which stays open.
import { useId, useState } from "react";
import type { AppError } from "../../../bindings/AppError";
import type { ConnectionProfile } from "../../../bindings/ConnectionProfile";
import { Dialog } from "../../../components/Dialog";
import { InlineError } from "../../../components/InlineError";
import { pluralize } from "../../../components/format";

interface DeleteTopicDialogProps {
  profile: ConnectionProfile;
  topic: string;
  /** Known from the detail view; said in the dialog so nobody deletes 2 million messages by accident. */
  messageCount: number | null;
  deleting: boolean;
  error: AppError | null;
  onConfirm: (confirmation: string | null) => void;
  onCancel: () => void;
}

export function DeleteTopicDialog({
  profile,
  topic,
  messageCount,
  deleting,
  error,
  onConfirm,
  onCancel,
}: DeleteTopicDialogProps) {
  const inputId = useId();
  const [typed, setTyped] = useState("");
  const needsTypedName = profile.environment === "prod";
  const confirmed = !needsTypedName || typed === topic;
  const confirm = () => {
    if (confirmed && !deleting) onConfirm(needsTypedName ? typed : null);
  };

  return (
    <Dialog
      title={`Delete topic “${topic}”?`}
      onClose={onCancel}
      testId="delete-topic-dialog"
      actions={
        <>
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button
            type="button"
            className="button button--danger"
            data-testid="confirm-delete-topic"
            disabled={!confirmed || deleting}
            onClick={confirm}
          >
            {deleting ? "Deleting…" : "Delete topic"}
          </button>
        </>
      }
    >
      <p>
        The topic and {messageCount === null ? "all its messages" : `its ${pluralize(messageCount, "message")}`} are
        deleted from the cluster for good. Producers and consumers still using it will fail or, if the broker
        auto-creates topics, recreate it empty.
      </p>
      {needsTypedName && (
        <form
          className="field"
          onSubmit={(event) => {
            event.preventDefault();
            confirm();
          }}
        >
          <label htmlFor={inputId}>
            This is a <strong>production</strong> connection. Type <code>{topic}</code> to confirm.
          </label>
          <input
            id={inputId}
            type="text"
            autoComplete="off"
            spellCheck={false}
            data-testid="confirm-topic-name"
            value={typed}
            onChange={(event) => {
              setTyped(event.target.value);
            }}
          />
        </form>
      )}
      {error !== null && <InlineError error={error} />}
    </Dialog>
  );
}
