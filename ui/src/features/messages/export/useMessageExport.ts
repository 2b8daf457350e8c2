// One export at a time, as a mutation with a scan id of its own: the progress for that id
// is kept while it runs, cancel() stops exactly that id (the backend then answers
// `cancelled`, leaving no file), and an export still running when its dialog goes away is
// cancelled, so the backend never keeps writing a file nobody is waiting for.
import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import type { BrowseRequest } from "../../../bindings/BrowseRequest";
import type { ExportTarget } from "../../../bindings/ExportTarget";
import type { ScanProgress } from "../../../bindings/ScanProgress";
import { cancelScan, exportMessages } from "../../../platform";
import { newScanId } from "../scanId";

export interface ExportProgress {
  /** Null until the backend's first report. */
  progress: ScanProgress | null;
}

export function useMessageExport(connectionId: string) {
  const [running, setRunning] = useState<ExportProgress | null>(null);
  // The id of the export in flight: what Cancel and the unmount cleanup stop.
  const inFlight = useRef<string | null>(null);

  const mutation = useMutation({
    mutationFn: async ({ request, target }: { request: BrowseRequest; target: ExportTarget }) => {
      const scanId = newScanId("export");
      inFlight.current = scanId;
      setRunning({ progress: null });
      try {
        return await exportMessages(connectionId, request, target, scanId, (progress) => {
          if (inFlight.current === scanId) setRunning({ progress });
        });
      } finally {
        if (inFlight.current === scanId) inFlight.current = null;
      }
    },
  });

  useEffect(
    () => () => {
      if (inFlight.current !== null) void cancelScan(inFlight.current);
    },
    [],
  );

  const cancel = () => {
    if (inFlight.current !== null) void cancelScan(inFlight.current);
  };

  return { mutation, progress: mutation.isPending ? running : null, cancel };
}
