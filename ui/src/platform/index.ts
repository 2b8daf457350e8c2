// The platform boundary: the only module that knows the UI runs inside Tauri.
// Components import from here (never from @tauri-apps/*), and unit tests vi.mock it.
export {
  auditEntries,
  checkPolicy,
  exportAudit,
  policyDocument,
  savePolicy,
  verifyAudit,
  viewAs,
  type AuditExport,
  type PolicyDocument,
} from "./access";
export { isAppError, toAppError } from "./appError";
export {
  deleteConnection,
  fetchAppInfo,
  fetchDiagnostics,
  listConnections,
  saveConnection,
  testConnection,
  testConnectionDraft,
} from "./commands";
export { copyText } from "./clipboard";
export {
  fetchCheckpointDetail,
  fetchCheckpoints,
  fetchFlinkOverview,
  fetchGraphMetrics,
  fetchJobConfiguration,
  fetchJobExceptions,
  fetchJobGraph,
  fetchSavepointStatus,
  fetchVertexDetail,
  fetchVertexMetrics,
  listFlinkJobs,
  listVertexMetricNames,
  runJobAction,
} from "./flink";
export { describeGroup, listGroups, resetOffsets } from "./groups";
export { createTopic, deleteTopic, describeTopic, fetchClusterOverview, listTopics } from "./kafka";
export {
  browseMessages,
  cancelScan,
  exportMessages,
  fetchTopicDecoders,
  pinTopicDecoders,
  produceMessage,
  tailMessages,
} from "./messages";
export {
  closeRecording,
  exportRecording,
  launchRecording,
  openRecording,
  recordingEvents,
  recordingGraphAt,
  recordingMetricsAt,
  recordingRecords,
  recordingSeries,
  recordJob,
  replayRecording,
  sampleRecording,
  verifyRecording,
  type RecordedMetric,
  type RecordingExportKind,
} from "./recordings";
export {
  checkCompatibility,
  fetchRegistryOverview,
  fetchSubjectDetail,
  fetchSubjectVersion,
  registerSchema,
  type VersionRef,
} from "./schemas";
export { fetchAppSettings, saveAppSettings } from "./settings";
export { onFileDrag, type FileDrag } from "./webview";
export {
  closeThisWindow,
  currentWindowLabel,
  onWindowClosed,
  openViewWindow,
  setWindowTitle,
  windowLabels,
  type ViewWindow,
} from "./windows";
