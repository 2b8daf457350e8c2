// The sidebar footer's way into the app's Settings (every role may read and change them).
import { useNavigation } from "../../app/navigation";

export function OpenSettingsButton() {
  const { view, navigate } = useNavigation();
  return (
    <button
      type="button"
      className="button button--ghost sidebar__settings"
      data-testid="sidebar-settings"
      aria-current={view.kind === "settings" ? "page" : undefined}
      onClick={() => {
        navigate({ kind: "settings" });
      }}
    >
      Settings
    </button>
  );
}
