// The tab strip of a selected connection (Cluster, Topics, Consumer groups, Schemas, Flink,
// Settings). Schemas is there only with a Schema Registry part, Flink only with a Flink part.
import { useMemo } from "react";
import { Tabs, tabId, type TabDef } from "../components/Tabs";
import type { ConnectionTab } from "./navigation";

export { tabId };

export const CONNECTION_TABS: readonly TabDef<ConnectionTab>[] = [
  { tab: "cluster", label: "Cluster", testId: "tab-cluster" },
  { tab: "topics", label: "Topics", testId: "tab-topics" },
  { tab: "groups", label: "Consumer groups", testId: "tab-groups" },
  { tab: "schemas", label: "Schemas", testId: "tab-schemas" },
  { tab: "flink", label: "Flink", testId: "tab-flink" },
  { tab: "settings", label: "Settings", testId: "tab-settings" },
];

/** The tabs a connection offers: Schemas only with a registry part, Flink only with a Flink part. */
export function availableTabs(hasRegistry: boolean, hasFlink: boolean): TabDef<ConnectionTab>[] {
  return CONNECTION_TABS.filter(({ tab }) => (tab !== "schemas" || hasRegistry) && (tab !== "flink" || hasFlink));
}

interface ConnectionTabsProps {
  /** useId() of the view; tab and panel ids derive from it. */
  idBase: string;
  panelId: string;
  active: ConnectionTab;
  onSelect: (tab: ConnectionTab) => void;
  /** The connection has a Schema Registry part: offer the Schemas tab. */
  hasRegistry: boolean;
  /** The connection has a Flink part: offer the Flink tab. */
  hasFlink: boolean;
}

export function ConnectionTabs({ idBase, panelId, active, onSelect, hasRegistry, hasFlink }: ConnectionTabsProps) {
  const tabs = useMemo(() => availableTabs(hasRegistry, hasFlink), [hasRegistry, hasFlink]);
  return (
    <Tabs
      tabs={tabs}
      idBase={idBase}
      panelId={panelId}
      active={active}
      onSelect={onSelect}
      label="Connection views"
    />
  );
}
