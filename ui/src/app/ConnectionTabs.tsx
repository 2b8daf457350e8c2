// The tab strip of a selected connection (Cluster, Topics, Consumer groups, Settings).
import { Tabs, tabId, type TabDef } from "../components/Tabs";
import type { ConnectionTab } from "./navigation";

export { tabId };

export const CONNECTION_TABS: readonly TabDef<ConnectionTab>[] = [
  { tab: "cluster", label: "Cluster", testId: "tab-cluster" },
  { tab: "topics", label: "Topics", testId: "tab-topics" },
  { tab: "groups", label: "Consumer groups", testId: "tab-groups" },
  { tab: "settings", label: "Settings", testId: "tab-settings" },
];

interface ConnectionTabsProps {
  /** useId() of the view; tab and panel ids derive from it. */
  idBase: string;
  panelId: string;
  active: ConnectionTab;
  onSelect: (tab: ConnectionTab) => void;
}

export function ConnectionTabs({ idBase, panelId, active, onSelect }: ConnectionTabsProps) {
  return (
    <Tabs
      tabs={CONNECTION_TABS}
      idBase={idBase}
      panelId={panelId}
      active={active}
      onSelect={onSelect}
      label="Connection views"
    />
  );
}
