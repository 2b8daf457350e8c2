// What each job action says and when it is offered. A savepoint or a stop needs a running
// job; a cancel any job that has not ended.
import type { JobActionKind } from "../../../bindings/JobActionKind";

export interface ActionText {
  button: string;
  title: string;
  explanation: string;
  submit: string;
  danger: boolean;
  testId: string;
}

export const ACTIONS: Record<JobActionKind, ActionText> = {
  savepoint: {
    button: "Savepoint",
    title: "Take a savepoint",
    explanation: "Flink writes a savepoint of the job's state; the job keeps running.",
    submit: "Take savepoint",
    danger: false,
    testId: "job-action-savepoint",
  },
  stop_with_savepoint: {
    button: "Stop with savepoint",
    title: "Stop with a savepoint",
    explanation: "Flink takes a savepoint, then stops the job. It can be started again from that savepoint.",
    submit: "Stop job",
    danger: true,
    testId: "job-action-stop",
  },
  cancel: {
    button: "Cancel job",
    title: "Cancel the job",
    explanation: "Flink cancels the job without a savepoint; its state since the last checkpoint is lost.",
    submit: "Cancel job",
    danger: true,
    testId: "job-action-cancel",
  },
};

export const ACTION_ORDER: readonly JobActionKind[] = ["savepoint", "stop_with_savepoint", "cancel"];

const ENDED: ReadonlySet<string> = new Set(["FINISHED", "FAILED", "CANCELED", "CANCELLED"]);

export function actionAllowed(kind: JobActionKind, state: string): boolean {
  const upper = state.toUpperCase();
  return kind === "cancel" ? !ENDED.has(upper) && upper !== "CANCELLING" : upper === "RUNNING";
}

export function takesSavepoint(kind: JobActionKind): boolean {
  return kind !== "cancel";
}
