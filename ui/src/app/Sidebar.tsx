// The left column: brand, the saved connections, "Add connection", the recordings (open one,
// those opened lately, the sample), the app's settings, diagnostics and, for admins, the
// audit log and the workspace policy. Picking a connection returns to where the user last
// was in it.
import { useCanViewAudit } from "../features/audit/permissions";
import { useCanEditPolicy } from "../features/policy/permissions";
import { CopyDiagnosticsButton } from "../features/diagnostics/CopyDiagnosticsButton";
import { ConnectionList } from "../features/connections/ConnectionList";
import { useConnections } from "../features/connections/queries";
import { RecordingsSection } from "../features/recordings/open/RecordingsSection";
import { OpenSettingsButton } from "../features/settings/OpenSettingsButton";
import { selectedConnectionId, useNavigation } from "./navigation";
import { SidebarViewButton } from "./SidebarViewButton";

export function Sidebar() {
  const { view, navigate, openConnection } = useNavigation();
  const connections = useConnections();
  const canViewAudit = useCanViewAudit();
  const canEditPolicy = useCanEditPolicy();
  return (
    <nav className="sidebar" aria-label="Connections">
      <button
        type="button"
        className="sidebar__brand"
        onClick={() => {
          navigate({ kind: "home" });
        }}
      >
        <span className="sidebar__logo" aria-hidden="true" />
        Streamlens
      </button>
      <div className="sidebar__section">
        <h2 className="sidebar__heading" id="connections-heading">
          Connections
        </h2>
        {connections.isPending ? (
          <p className="sidebar__hint">Loading…</p>
        ) : (
          <ConnectionList
            connections={connections.data ?? []}
            selectedId={selectedConnectionId(view)}
            labelledBy="connections-heading"
            onSelect={openConnection}
          />
        )}
        <button
          type="button"
          className="button button--primary sidebar__add"
          data-testid="add-connection"
          onClick={() => {
            navigate({ kind: "new-connection" });
          }}
        >
          + Add connection
        </button>
      </div>
      <RecordingsSection />
      <div className="sidebar__footer">
        <SidebarViewButton view={{ kind: "audit" }} label="Audit log" allowed={canViewAudit} testId="open-audit" />
        <SidebarViewButton
          view={{ kind: "policy" }}
          label="Workspace policy"
          allowed={canEditPolicy}
          testId="open-policy"
        />
        <OpenSettingsButton />
        <CopyDiagnosticsButton />
      </div>
    </nav>
  );
}
