// The sidebar footer's way into the workspace policy, offered only while the role is admin.
import { useNavigation } from "../../app/navigation";
import { useCanEditPolicy } from "./permissions";

export function OpenPolicyButton() {
  const { view, navigate } = useNavigation();
  const allowed = useCanEditPolicy();
  if (!allowed) return null;
  return (
    <button
      type="button"
      className="button button--ghost sidebar__policy"
      data-testid="open-policy"
      aria-current={view.kind === "policy" ? "page" : undefined}
      onClick={() => {
        navigate({ kind: "policy" });
      }}
    >
      Workspace policy
    </button>
  );
}
