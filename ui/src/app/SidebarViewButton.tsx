// A sidebar footer button into one app-wide view (the audit log, the workspace policy),
// offered only while the role may use it (`allowed`: a hint; the backend decides).
import { useNavigation, type View } from "./navigation";

type AppWideView = Extract<View, { kind: "audit" | "policy" }>;

export function SidebarViewButton({
  view: target,
  label,
  allowed,
  testId,
}: {
  view: AppWideView;
  label: string;
  allowed: boolean;
  testId: string;
}) {
  const { view, navigate } = useNavigation();
  if (!allowed) return null;
  return (
    <button
      type="button"
      className="button button--ghost sidebar__view"
      data-testid={testId}
      aria-current={view.kind === target.kind ? "page" : undefined}
      onClick={() => {
        navigate(target);
      }}
    >
      {label}
    </button>
  );
}
