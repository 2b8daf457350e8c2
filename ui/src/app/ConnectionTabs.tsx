// The tab strip of a selected connection (Cluster, Topics, Consumer groups, Schemas,
// Settings). Schemas is there only when the connection has a Schema Registry part.
import { Tabs, tabId, type TabDef } from "../components/Tabs";
import type { ConnectionTab } from "./navigation";

export { tabId };

export const CONNECTION_TABS: readonly TabDef<ConnectionTab>[] = [
  { tab: "cluster", label: "Cluster", testId: "tab-cluster" },
  { tab: "topics", label: "Topics", testId: "tab-topics" },
  { tab: "groups", label: "Consumer groups", testId: "tab-groups" },
  { tab: "schemas", label: "Schemas", testId: "tab-schemas" },
  { tab: "settings", label: "Settings", testId: "tab-settings" },
];

const WITHOUT_REGISTRY = CONNECTION_TABS.filter(({ tab }) => tab !== "schemas");

interface ConnectionTabsProps {
  /** useId() of the view; tab and panel ids derive from it. */
  idBase: string;
  panelId: string;
  active: ConnectionTab;
  onSelect: (tab: ConnectionTab) => void;
  /** The connection has a Schema Registry part: offer the Schemas tab. */
  hasRegistry: boolean;
}

export function ConnectionTabs({ idBase, panelId, active, onSelect, hasRegistry }: ConnectionTabsProps) {
  return (
    <Tabs
      tabs={hasRegistry ? CONNECTION_TABS : WITHOUT_REGISTRY}
      idBase={idBase}
      panelId={panelId}
      active={active}
      onSelect={onSelect}
      label="Connection views"
    />
  );
}
