// Test harness for the Schemas tab: opens connection c1's Schemas tab (or one subject) in
// the whole frame against the mocked platform (each test file calls vi.mock itself), with
// the registry's subjects, one subject's detail and its versions scripted.
import { vi } from "vitest";
import type { Role } from "../../bindings/Role";
import type { SubjectDetail } from "../../bindings/SubjectDetail";
import type { SubjectVersion } from "../../bindings/SubjectVersion";
import * as platform from "../../platform";
import { appInfo, profile, registryOverview, subjectDetail, subjectVersion } from "../../test/fixtures";
import { mockBackend, renderFrame } from "../../test/renderApp";

interface Options {
  role?: Role;
  subjects?: string[];
  detail?: SubjectDetail;
  /** Every version subject_version can answer with (the detail's latest is added). */
  versions?: SubjectVersion[];
  /** Open this subject rather than the bare list. */
  open?: string;
}

export function renderSchemas({ role = "developer", subjects, detail = subjectDetail(), versions = [], open }: Options = {}) {
  mockBackend([profile({ id: "c1", name: "Local" })]);
  vi.mocked(platform.fetchAppInfo).mockResolvedValue(appInfo({ role }));
  vi.mocked(platform.fetchRegistryOverview).mockResolvedValue(
    registryOverview({ subjects: subjects ?? [detail.subject], compatibility: "BACKWARD", mode: "READWRITE" }),
  );
  vi.mocked(platform.fetchSubjectDetail).mockResolvedValue(detail);
  const known = [...versions, detail.latest];
  vi.mocked(platform.fetchSubjectVersion).mockImplementation((_id, subject, version) => {
    const found = known.find((v) => v.subject === subject && (version === "latest" ? v === detail.latest : v.version === version));
    if (found === undefined) return Promise.reject(new Error(`no version ${String(version)} of ${subject} scripted`));
    return Promise.resolve(found);
  });
  return renderFrame({
    initialView: open === undefined ? { kind: "connection", id: "c1", tab: "schemas" } : { kind: "subject", id: "c1", subject: open },
  });
}

/** Two versions of demo.orders-value: v2 renames `amount` to `total` and adds `currency`. */
export function twoVersions(): { detail: SubjectDetail; v1: SubjectVersion; v2: SubjectVersion } {
  const v1 = subjectVersion();
  const v2 = subjectVersion({
    version: 2,
    id: 5,
    schema:
      '{"type":"record","name":"Order","fields":[{"name":"id","type":"string"},{"name":"total","type":"double"},{"name":"currency","type":"string"}]}',
  });
  return { detail: subjectDetail({ versions: [1, 2], latest: v2 }), v1, v2 };
}
