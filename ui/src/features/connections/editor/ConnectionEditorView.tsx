// Chooses the editor's starting point: local-environment defaults for a new connection,
// or the saved profile (with the list of secrets it has stored) for an edit.
import { Spinner } from "../../../components/Spinner";
import { useConnection } from "../queries";
import { ConnectionEditor } from "./ConnectionEditor";
import { formFromProfile, newConnectionForm } from "./editorForm";

function EditExisting({ id }: { id: string }) {
  const { data: profile, isPending } = useConnection(id);
  if (isPending) return <Spinner label="Loading connection…" />;
  if (!profile) return <p className="empty-state">This connection no longer exists.</p>;
  return <ConnectionEditor initialForm={formFromProfile(profile)} storedSecrets={profile.storedSecrets} />;
}

export function ConnectionEditorView({ id }: { id: string | null }) {
  if (id === null) return <ConnectionEditor initialForm={newConnectionForm()} storedSecrets={[]} />;
  return <EditExisting id={id} />;
}
