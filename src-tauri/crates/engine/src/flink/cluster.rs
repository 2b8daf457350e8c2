//! The cluster page and the job list: `/config` + `/overview` + `/taskmanagers`, and
//! `/jobs/overview` (running and finished jobs alike).

use serde_json::Value;

use super::client::FlinkClient;
use super::json::{count, field, list, number, text, time};
use super::model::{FlinkOverview, JobSummary, TaskCounts, TaskManagerInfo};
use crate::error::{Error, Result};

impl FlinkClient {
    pub async fn overview(&self) -> Result<FlinkOverview> {
        let (config, overview, managers) =
            tokio::try_join!(self.get("config"), self.get("overview"), self.get_optional("taskmanagers"))?;
        Ok(parse_overview(&config, &overview, managers.as_ref()))
    }

    pub async fn jobs(&self) -> Result<Vec<JobSummary>> {
        let value = self.get("jobs/overview").await?;
        parse_jobs(&value).ok_or_else(|| {
            Error::unavailable("Flink's /jobs/overview has no job list; is this the Flink REST API?")
        })
    }
}

pub(crate) fn parse_overview(config: &Value, overview: &Value, managers: Option<&Value>) -> FlinkOverview {
    let mut notes = Vec::new();
    let task_managers = match managers {
        Some(value) => list(value, &["taskmanagers"]).iter().map(parse_task_manager).collect(),
        None => {
            notes
                .push("This Flink has no /taskmanagers endpoint: task manager details are not shown.".into());
            Vec::new()
        }
    };
    FlinkOverview {
        flink_version: text(config, &["flink-version"])
            .or_else(|| text(overview, &["flink-version"]))
            .unwrap_or_else(|| "unknown".into()),
        flink_commit: text(overview, &["flink-commit"]).or_else(|| text(config, &["flink-revision"])),
        slots_total: count(overview, &["slots-total", "slots_total"]).unwrap_or(0),
        slots_available: count(overview, &["slots-available", "slots_available"]).unwrap_or(0),
        jobs_running: count(overview, &["jobs-running", "jobs_running"]).unwrap_or(0),
        jobs_finished: count(overview, &["jobs-finished", "jobs_finished"]).unwrap_or(0),
        jobs_cancelled: count(overview, &["jobs-cancelled", "jobs_cancelled"]).unwrap_or(0),
        jobs_failed: count(overview, &["jobs-failed", "jobs_failed"]).unwrap_or(0),
        task_managers,
        notes,
    }
}

fn parse_task_manager(tm: &Value) -> TaskManagerInfo {
    let id = text(tm, &["id"]).unwrap_or_default();
    // The id is "host:port-suffix" on 1.15+; older ids are opaque, the RPC path has the host.
    let host = text(tm, &["path"])
        .and_then(|path| {
            path.split('@').nth(1).map(|rest| rest.split('/').next().unwrap_or(rest).to_string())
        })
        .unwrap_or_else(|| id.rsplit_once('-').map_or(id.as_str(), |(h, _)| h).to_string());
    let hardware = field(tm, &["hardware"]).cloned().unwrap_or(Value::Null);
    let memory = field(tm, &["memoryConfiguration", "memory-configuration"]).cloned().unwrap_or(Value::Null);
    TaskManagerInfo {
        host,
        slots_total: count(tm, &["slotsNumber", "slots-number"]).unwrap_or(0),
        slots_free: count(tm, &["freeSlots", "free-slots"]).unwrap_or(0),
        cpu_cores: number(&hardware, &["cpuCores", "cpu-cores"]),
        physical_memory: number(&hardware, &["physicalMemory", "physical-memory"]),
        process_memory: number(&memory, &["totalProcessMemory", "total-process-memory"]),
        managed_memory: number(&hardware, &["managedMemory", "managed-memory"]),
        last_heartbeat: time(tm, &["timeSinceLastHeartbeat", "time-since-last-heartbeat"]),
        id,
    }
}

pub(crate) fn parse_jobs(value: &Value) -> Option<Vec<JobSummary>> {
    let jobs = field(value, &["jobs"])?.as_array()?;
    let mut out: Vec<JobSummary> = jobs.iter().map(parse_job_summary).collect();
    // Running first, then newest first.
    out.sort_by(|a, b| {
        let live = |j: &JobSummary| j.end_time.is_none();
        live(b).cmp(&live(a)).then(b.start_time.unwrap_or(0.0).total_cmp(&a.start_time.unwrap_or(0.0)))
    });
    Some(out)
}

pub(crate) fn parse_job_summary(job: &Value) -> JobSummary {
    // `/jobs/overview` has task counts per job; `/jobs/:jid` only per vertex: sum those.
    let mut tasks = task_counts(field(job, &["tasks"]));
    if tasks.is_empty() {
        for vertex in list(job, &["vertices"]) {
            for (state, n) in task_counts(field(vertex, &["tasks"])) {
                *tasks.entry(state).or_default() += n;
            }
        }
    }
    let tasks_total = tasks.get("total").copied().unwrap_or_else(|| tasks.values().sum());
    let tasks = tasks.into_iter().filter(|(state, _)| state != "total").collect();
    JobSummary {
        id: text(job, &["jid", "id"]).unwrap_or_default(),
        name: text(job, &["name"]).unwrap_or_default(),
        state: text(job, &["state", "status"]).unwrap_or_else(|| "UNKNOWN".into()),
        start_time: time(job, &["start-time", "start_time"]),
        end_time: time(job, &["end-time", "end_time"]),
        duration_ms: number(job, &["duration"]).filter(|d| *d >= 0.0),
        last_modification: time(job, &["last-modification", "last_modification"]),
        tasks_total,
        tasks,
    }
}

/// Task counts by state, lower-cased (`RUNNING` and `running` both appear across versions).
pub(crate) fn task_counts(tasks: Option<&Value>) -> TaskCounts {
    let mut out = TaskCounts::new();
    if let Some(Value::Object(map)) = tasks {
        for (state, n) in map {
            if let Some(n) = super::json::as_number(n).filter(|n| *n >= 0.0) {
                *out.entry(state.to_ascii_lowercase()).or_default() += n as u32;
            }
        }
    }
    out
}
