//! What the app shows of a Flink cluster and its jobs, independent of the REST version that
//! answered: cluster, jobs, the job graph with chained operators, live vertex metrics,
//! subtasks, checkpoints, exceptions and configuration. Wire types (camelCase, exported to
//! TypeScript). Times are epoch milliseconds and counts are `f64`: JavaScript numbers hold
//! both exactly, and Flink sends some of them as strings or floats anyway.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FlinkOverview {
    pub flink_version: String,
    pub flink_commit: Option<String>,
    pub slots_total: u32,
    pub slots_available: u32,
    pub jobs_running: u32,
    pub jobs_finished: u32,
    pub jobs_cancelled: u32,
    pub jobs_failed: u32,
    pub task_managers: Vec<TaskManagerInfo>,
    /// What could not be read (an endpoint this version lacks), said plainly.
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TaskManagerInfo {
    pub id: String,
    /// host:port of the task manager, from its id or RPC path.
    pub host: String,
    pub slots_total: u32,
    pub slots_free: u32,
    /// CPU cores of the machine (hardware), when reported.
    pub cpu_cores: Option<f64>,
    /// Physical memory of the machine in bytes, when reported.
    pub physical_memory: Option<f64>,
    /// The task manager's total process memory in bytes, when reported.
    pub process_memory: Option<f64>,
    /// Managed memory in bytes, when reported.
    pub managed_memory: Option<f64>,
    /// Epoch ms of the last heartbeat.
    pub last_heartbeat: Option<f64>,
}

/// A job's tasks by execution state (lower-case state names, e.g. "running": 2).
pub type TaskCounts = BTreeMap<String, u32>;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct JobSummary {
    pub id: String,
    pub name: String,
    pub state: String,
    pub start_time: Option<f64>,
    pub end_time: Option<f64>,
    pub duration_ms: Option<f64>,
    pub last_modification: Option<f64>,
    pub tasks_total: u32,
    pub tasks: TaskCounts,
}

/// One operator inside a chained vertex, as the plan's description lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ChainedOperator {
    pub name: String,
    /// 0 for the chain's head, 1 for an operator chained to it (`+-`), deeper for nested.
    pub depth: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GraphVertex {
    pub id: String,
    pub name: String,
    pub parallelism: u32,
    pub max_parallelism: Option<u32>,
    /// Execution state of the vertex (RUNNING, FINISHED, …), when the job detail has it.
    pub status: Option<String>,
    /// The operators chained in this vertex, head first (at least one).
    pub operators: Vec<ChainedOperator>,
    pub tasks: TaskCounts,
    /// True when the vertex has no inputs.
    pub is_source: bool,
    /// True when no other vertex reads from it.
    pub is_sink: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GraphEdge {
    pub source: String,
    pub target: String,
    /// HASH, FORWARD, REBALANCE, BROADCAST, RESCALE, … as Flink names it.
    pub ship_strategy: String,
    /// pipelined_bounded, blocking, … when the plan says.
    pub exchange: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct JobGraph {
    pub job: JobSummary,
    pub job_type: Option<String>,
    pub is_stoppable: bool,
    pub vertices: Vec<GraphVertex>,
    pub edges: Vec<GraphEdge>,
}

/// One vertex's live figures at one refresh.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VertexMetrics {
    pub vertex_id: String,
    pub records_in_per_second: Option<f64>,
    pub records_out_per_second: Option<f64>,
    /// Busy time in % of wall time, the busiest subtask (0–100).
    pub busy_percent: Option<f64>,
    /// Back-pressured time in %, the most back-pressured subtask (0–100).
    pub backpressured_percent: Option<f64>,
    /// The lowest input watermark over the subtasks (epoch ms), when there is one.
    pub low_watermark: Option<f64>,
    /// Total records read and written so far (network level).
    pub read_records: Option<f64>,
    pub write_records: Option<f64>,
    /// "detailed" when read from the aggregated metrics endpoint this refresh,
    /// "counters" when derived from the job's counters between two refreshes.
    pub source: MetricSource,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum MetricSource {
    Detailed,
    Counters,
    /// First refresh: no earlier counters to derive rates from yet.
    Pending,
}

/// One refresh of a job's graph metrics.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GraphMetrics {
    /// Epoch ms of this sample (Flink's `now`, or the local clock).
    pub at: f64,
    pub job_state: String,
    pub vertices: Vec<VertexMetrics>,
    /// HTTP requests this refresh made.
    pub requests: u32,
    /// Vertices asked for in detail but left to counters because of the request budget.
    pub over_budget: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SubtaskInfo {
    pub subtask: u32,
    pub status: String,
    pub attempt: u32,
    /// host:port (or task manager id) the subtask runs on.
    pub host: String,
    pub read_records: Option<f64>,
    pub write_records: Option<f64>,
    pub read_bytes: Option<f64>,
    pub write_bytes: Option<f64>,
    pub duration_ms: Option<f64>,
    /// Busy and back-pressured ratio in % from the backpressure sample, when there is one.
    pub busy_percent: Option<f64>,
    pub backpressured_percent: Option<f64>,
    /// ok, low or high.
    pub backpressure_level: Option<String>,
    pub watermark: Option<f64>,
    /// Records read (or written for sources) far above the vertex's mean: a hot spot.
    pub skewed: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VertexDetail {
    pub id: String,
    pub name: String,
    pub parallelism: u32,
    pub subtasks: Vec<SubtaskInfo>,
    /// Max over mean of the subtasks' records (1.0 = even); none with fewer than 2 subtasks.
    pub skew_ratio: Option<f64>,
    pub backpressure_level: Option<String>,
    pub notes: Vec<String>,
}

/// A metric aggregated over a vertex's subtasks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AggregatedMetric {
    pub id: String,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub avg: Option<f64>,
    pub sum: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CheckpointSummary {
    pub id: f64,
    /// COMPLETED, FAILED, IN_PROGRESS.
    pub status: String,
    pub is_savepoint: bool,
    pub trigger_timestamp: Option<f64>,
    pub latest_ack_timestamp: Option<f64>,
    pub end_to_end_duration_ms: Option<f64>,
    pub checkpointed_size: Option<f64>,
    pub state_size: Option<f64>,
    pub num_subtasks: Option<u32>,
    pub num_acknowledged_subtasks: Option<u32>,
    pub failure_message: Option<String>,
    pub external_path: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CheckpointOverview {
    pub total: u32,
    pub completed: u32,
    pub failed: u32,
    pub in_progress: u32,
    pub restored: u32,
    pub latest_completed: Option<CheckpointSummary>,
    pub latest_failed: Option<CheckpointSummary>,
    pub latest_savepoint: Option<CheckpointSummary>,
    /// Id and time of the checkpoint the job last restored from.
    pub latest_restored_id: Option<f64>,
    pub latest_restore_timestamp: Option<f64>,
    /// Newest first.
    pub history: Vec<CheckpointSummary>,
    /// Checkpointing settings (interval, timeout, mode, …) as key → text.
    pub config: BTreeMap<String, String>,
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CheckpointVertexStats {
    pub vertex_id: String,
    pub vertex_name: Option<String>,
    pub status: Option<String>,
    pub end_to_end_duration_ms: Option<f64>,
    pub checkpointed_size: Option<f64>,
    pub state_size: Option<f64>,
    pub num_subtasks: Option<u32>,
    pub num_acknowledged_subtasks: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CheckpointDetail {
    pub checkpoint: CheckpointSummary,
    pub vertices: Vec<CheckpointVertexStats>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct JobException {
    pub exception_name: String,
    /// The first line of the stack trace: the exception and its message.
    pub message: String,
    /// The innermost "Caused by:" of the stack trace, when there is one.
    pub root_cause: Option<String>,
    pub stacktrace: String,
    pub timestamp: Option<f64>,
    pub task_name: Option<String>,
    /// Where it happened: host:port or the task manager id.
    pub location: Option<String>,
    pub task_manager_id: Option<String>,
    pub failure_labels: BTreeMap<String, String>,
    pub concurrent: Vec<JobException>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct JobExceptions {
    /// Newest first.
    pub entries: Vec<JobException>,
    /// Flink keeps a bounded history; true when it said older entries were dropped.
    pub truncated: bool,
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ConfigPair {
    pub key: String,
    pub value: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct JobConfiguration {
    /// The job's execution config, flattened to dotted keys.
    pub job: Vec<ConfigPair>,
    /// The job manager's configuration.
    pub job_manager: Vec<ConfigPair>,
    pub notes: Vec<String>,
}

/// What a job action asked of Flink: savepoint, stop with savepoint, cancel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum JobActionKind {
    Savepoint,
    StopWithSavepoint,
    Cancel,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct JobActionRequest {
    pub kind: JobActionKind,
    /// Where to write the savepoint; none uses the cluster's configured directory.
    pub target_directory: Option<String>,
    /// On prod connections the job's name typed back.
    pub confirm: Option<String>,
}

/// A savepoint's progress: IN_PROGRESS until COMPLETED (with the location) or FAILED.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SavepointStatus {
    /// The trigger id to poll with; none for a cancel.
    pub trigger_id: Option<String>,
    pub status: String,
    pub location: Option<String>,
    pub failure: Option<String>,
}
