// Confirms deleting a profile. Production connections need their name typed back,
// because deleting the wrong one there is the expensive mistake.
import { useId, useState } from "react";
import type { ConnectionProfile } from "../../bindings/ConnectionProfile";
import { Dialog } from "../../components/Dialog";

interface DeleteConnectionDialogProps {
  profile: ConnectionProfile;
  deleting: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

export function DeleteConnectionDialog({ profile, deleting, onConfirm, onCancel }: DeleteConnectionDialogProps) {
  const inputId = useId();
  const [typedName, setTypedName] = useState("");
  const needsTypedName = profile.environment === "prod";
  const confirmed = !needsTypedName || typedName === profile.name;

  return (
    <Dialog
      title={`Delete “${profile.name}”?`}
      onClose={onCancel}
      testId="delete-dialog"
      actions={
        <>
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
          <button
            type="button"
            className="button button--danger"
            data-testid="confirm-delete"
            disabled={!confirmed || deleting}
            onClick={onConfirm}
          >
            {deleting ? "Deleting…" : "Delete connection"}
          </button>
        </>
      }
    >
      <p>
        The profile and its secrets in the OS keyring are removed. Kafka, the Schema Registry and Flink
        are not touched.
      </p>
      {needsTypedName && (
        <form
          className="field"
          onSubmit={(event) => {
            event.preventDefault();
            if (confirmed && !deleting) onConfirm();
          }}
        >
          <label htmlFor={inputId}>
            This is a <strong>production</strong> connection. Type <code>{profile.name}</code> to confirm.
          </label>
          <input
            id={inputId}
            type="text"
            autoComplete="off"
            spellCheck={false}
            data-testid="confirm-delete-name"
            value={typedName}
            onChange={(event) => {
              setTypedName(event.target.value);
            }}
          />
        </form>
      )}
    </Dialog>
  );
}
