// A job's header: its name, id and state, how long it has run (or ran), its tasks by state,
// "Open in new window" (main window only) and — for roles that may — Record… and the job
// actions.
import { OpenInWindowButton } from "../../../app/windowOpener";
import type { ConnectionProfile } from "../../../bindings/ConnectionProfile";
import type { JobGraph } from "../../../bindings/JobGraph";
import { formatLocalTime } from "../../../components/format";
import { RecordJobButton } from "../../recordings/record/RecordJobButton";
import { JobActions } from "../actions/JobActions";
import { formatDuration } from "../format";
import { JobState } from "../JobState";
import { TaskChips } from "../TaskChips";

interface JobHeaderProps {
  profile: ConnectionProfile;
  jobId: string;
  graph: JobGraph | undefined;
  titleId: string;
}

export function JobHeader({ profile, jobId, graph, titleId }: JobHeaderProps) {
  const job = graph?.job;
  return (
    <header className="view-header job-header">
      <div className="job-header__identity">
        <div className="view-header__title">
          <h3 id={titleId} className="job-header__name" data-testid="job-title">
            {job === undefined || job.name === "" ? jobId : job.name}
          </h3>
          {job !== undefined && <JobState state={job.state} />}
          {graph?.jobType != null && <span className="tag tag--muted">{graph.jobType.toLowerCase()}</span>}
        </div>
        <div className="job-header__facts muted">
          <span className="mono" data-testid="job-id">
            {jobId}
          </span>
          {job !== undefined && (
            <>
              {job.startTime !== null && <span>started {formatLocalTime(job.startTime, "seconds")}</span>}
              <span data-testid="job-duration">
                {job.endTime === null ? "running for" : "ran for"} {formatDuration(job.durationMs)}
              </span>
              <TaskChips tasks={job.tasks} total={job.tasksTotal} />
            </>
          )}
        </div>
      </div>
      {job !== undefined && (
        <div className="job-header__actions">
          <OpenInWindowButton view={{ kind: "job", id: profile.id, jobId }} name={job.name === "" ? jobId : job.name} />
          <RecordJobButton connectionId={profile.id} jobId={jobId} jobName={job.name === "" ? jobId : job.name} />
          <JobActions profile={profile} jobId={jobId} job={job} />
        </div>
      )}
    </header>
  );
}
