// The Settings tab of a connection: what it points at, which secrets are stored, and
// the actions Test connection (with its results), Edit and Delete.
import { useState } from "react";
import { useReportError } from "../../app/AppProviders";
import { useNavigation } from "../../app/navigation";
import type { ConnectionProfile } from "../../bindings/ConnectionProfile";
import { Spinner } from "../../components/Spinner";
import { DeleteConnectionDialog } from "./DeleteConnectionDialog";
import { PartSummaries, StoredSecrets } from "./PartSummaries";
import { ProbeResults } from "./ProbeResults";
import { useDeleteConnection, useTestConnection } from "./queries";
import "./connections.css";

export function ConnectionSettings({ profile }: { profile: ConnectionProfile }) {
  const { navigate } = useNavigation();
  const reportError = useReportError();
  const probe = useTestConnection();
  const remove = useDeleteConnection();
  const [confirmingDelete, setConfirmingDelete] = useState(false);

  const runTest = () => {
    probe.mutate(profile.id, { onError: reportError });
  };

  const confirmDelete = () => {
    remove.mutate(profile.id, {
      onSuccess: () => {
        setConfirmingDelete(false);
        navigate({ kind: "home" });
      },
      onError: (error) => {
        setConfirmingDelete(false);
        reportError(error);
      },
    });
  };

  return (
    <div className="connection-settings">
      <div className="toolbar">
        <button
          type="button"
          className="button button--primary"
          data-testid="test-connection"
          disabled={probe.isPending}
          onClick={runTest}
        >
          Test connection
        </button>
        <button
          type="button"
          className="button"
          data-testid="edit-connection"
          onClick={() => {
            navigate({ kind: "edit-connection", id: profile.id });
          }}
        >
          Edit
        </button>
        <button
          type="button"
          className="button button--danger-outline"
          data-testid="delete-connection"
          onClick={() => {
            setConfirmingDelete(true);
          }}
        >
          Delete
        </button>
      </div>

      <PartSummaries profile={profile} />
      <StoredSecrets profile={profile} />

      <section className="probe-panel" aria-label="Connection test">
        {probe.isPending ? (
          <Spinner label="Testing connection…" />
        ) : probe.data ? (
          <ProbeResults report={probe.data} />
        ) : (
          <p className="muted">
            Test connection checks that each configured part answers and that it is what it claims to be.
          </p>
        )}
      </section>

      {confirmingDelete && (
        <DeleteConnectionDialog
          profile={profile}
          deleting={remove.isPending}
          onConfirm={confirmDelete}
          onCancel={() => {
            setConfirmingDelete(false);
          }}
        />
      )}
    </div>
  );
}
