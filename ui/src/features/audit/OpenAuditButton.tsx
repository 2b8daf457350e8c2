// The sidebar footer's way into the audit log, offered only while the role is admin.
import { useNavigation } from "../../app/navigation";
import { useCanViewAudit } from "./permissions";

export function OpenAuditButton() {
  const { view, navigate } = useNavigation();
  const allowed = useCanViewAudit();
  if (!allowed) return null;
  return (
    <button
      type="button"
      className="button button--ghost sidebar__audit"
      data-testid="open-audit"
      aria-current={view.kind === "audit" ? "page" : undefined}
      onClick={() => {
        navigate({ kind: "audit" });
      }}
    >
      Audit log
    </button>
  );
}
