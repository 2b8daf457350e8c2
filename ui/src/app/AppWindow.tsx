// One window of the app, as main.tsx mounts it: restored to where it was when the app last
// closed (restore.ts) before anything shows, its view and places saved on every change
// (windowSession.ts), and told when another window switched the role ("view as"). The main
// window shows the whole frame and reopens the other windows that were open (secondaryWindows.ts);
// any other window shows one view in a slimmer frame (SecondaryFrame).
import { useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useState } from "react";
import { Spinner } from "../components/Spinner";
import { connectionKeys } from "../features/connections/queries";
import { recordingSummaryQuery } from "../features/recordings/queries";
import { listConnections, onWindowClosed, openViewWindow, windowLabels } from "../platform";
import { AppFrame } from "./AppFrame";
import { AppProviders, createAppServices, useReportError, type AppServices } from "./AppProviders";
import { restoreWindow, type RestoredWindow, type RestoreLookups } from "./restore";
import { reloadRole } from "./roleChange";
import { SecondaryFrame } from "./SecondaryFrame";
import { SecondaryWindows } from "./secondaryWindows";
import { SessionSaver } from "./SessionSaver";
import { WindowOpenerContext, type OpenInNewWindow } from "./windowOpener";
import { MAIN_WINDOW, onRoleChangedElsewhere } from "./windowSession";

/** Lookups through the query cache, so the sidebar and the view reuse what they fetched. */
function cachedLookups(queryClient: QueryClient): RestoreLookups {
  return {
    connectionIds: async () => {
      const profiles = await queryClient.query({ queryKey: connectionKeys.all, queryFn: listConnections });
      return new Set(profiles.map((profile) => profile.id));
    },
    recordingOpens: (path) =>
      queryClient.query(recordingSummaryQuery(path)).then(
        () => true,
        () => false,
      ),
  };
}

/**
 * Another window switched the role or saved the policy: reload what this one shows, as "view
 * as" does here (a failed read of the app info is in the banner already).
 */
function RoleFollower() {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      onRoleChangedElsewhere((notice) => {
        reloadRole(queryClient, notice).catch(() => undefined);
      }),
    [queryClient],
  );
  return null;
}

function MainWindow() {
  const queryClient = useQueryClient();
  const reportError = useReportError();
  const [windows] = useState(
    () => new SecondaryWindows({ open: openViewWindow, onClosed: onWindowClosed, labels: windowLabels }),
  );
  useEffect(() => {
    void windows.restore(cachedLookups(queryClient).connectionIds);
  }, [windows, queryClient]);
  const open = useCallback<OpenInNewWindow>(
    (view, name) => {
      windows.open(view, name).catch(reportError);
    },
    [windows, reportError],
  );
  return (
    <WindowOpenerContext value={open}>
      <SessionSaver label={MAIN_WINDOW} name={null} />
      <AppFrame />
    </WindowOpenerContext>
  );
}

export function AppWindow({ label, search, services }: { label: string; search: string; services?: AppServices }) {
  const [appServices] = useState(() => services ?? createAppServices());
  const [restored, setRestored] = useState<RestoredWindow | null>(null);

  useEffect(() => {
    let current = true;
    void restoreWindow(label, search, cachedLookups(appServices.queryClient)).then((found) => {
      if (current) setRestored(found);
    });
    return () => {
      current = false;
    };
  }, [label, search, appServices]);

  if (restored === null) {
    return (
      <div className="app-window-loading">
        <Spinner label="Opening Streamlens…" />
      </div>
    );
  }
  return (
    <AppProviders services={appServices} initialView={restored.view} initialPlaces={restored.places}>
      <RoleFollower />
      {label === MAIN_WINDOW ? (
        <MainWindow />
      ) : (
        <SecondaryFrame label={label} first={{ view: restored.view, name: restored.name }} />
      )}
    </AppProviders>
  );
}
