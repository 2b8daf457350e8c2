// The job header's action buttons — Savepoint, Stop with savepoint, Cancel job — for the roles
// that may operate jobs (developer, admin); nothing at all for the others. Each opens its
// dialog; buttons the job's state does not allow are disabled and say why.
import { useState } from "react";
import type { ConnectionProfile } from "../../../bindings/ConnectionProfile";
import type { JobActionKind } from "../../../bindings/JobActionKind";
import type { JobSummary } from "../../../bindings/JobSummary";
import { useCanOperateJobs } from "../permissions";
import { JobActionDialog } from "./JobActionDialog";
import { ACTION_ORDER, ACTIONS, actionAllowed } from "./jobActions";

export function JobActions({ profile, jobId, job }: { profile: ConnectionProfile; jobId: string; job: JobSummary }) {
  const canOperate = useCanOperateJobs();
  const [open, setOpen] = useState<JobActionKind | null>(null);
  if (!canOperate) return null;
  return (
    <div className="view-header__actions" data-testid="job-actions">
      {ACTION_ORDER.map((kind) => {
        const allowed = actionAllowed(kind, job.state);
        return (
          <button
            key={kind}
            type="button"
            className={`button${ACTIONS[kind].danger ? " button--danger-outline" : ""}`}
            data-testid={ACTIONS[kind].testId}
            disabled={!allowed}
            title={allowed ? undefined : `Not while the job is ${job.state}`}
            onClick={() => {
              setOpen(kind);
            }}
          >
            {ACTIONS[kind].button}
          </button>
        );
      })}
      {open !== null && (
        <JobActionDialog
          profile={profile}
          jobId={jobId}
          jobName={job.name}
          kind={open}
          onClose={() => {
            setOpen(null);
          }}
        />
      )}
    </div>
  );
}
