// The job header's "Record…" button, for the roles that may record jobs (developer, admin);
// nothing for the others. Any job may be recorded: one that has ended is recorded from its
// final state in one poll.
import { useState } from "react";
import { useAppInfo } from "../../../app/appInfo";
import { canRecordJobs } from "../permissions";
import { RecordJobDialog } from "./RecordJobDialog";

export function RecordJobButton({ connectionId, jobId, jobName }: { connectionId: string; jobId: string; jobName: string }) {
  const { data: info } = useAppInfo();
  const [open, setOpen] = useState(false);
  if (info === undefined || !canRecordJobs(info.role)) return null;
  return (
    <>
      <button
        type="button"
        className="button"
        data-testid="job-record"
        onClick={() => {
          setOpen(true);
        }}
      >
        Record…
      </button>
      {open && (
        <RecordJobDialog
          connectionId={connectionId}
          jobId={jobId}
          jobName={jobName}
          dataDir={info.dataDir}
          role={info.role}
          onClose={() => {
            setOpen(false);
          }}
        />
      )}
    </>
  );
}
