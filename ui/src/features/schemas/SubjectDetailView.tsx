// One subject beside the subject list: its facts, then its own tabs — Schema (any version,
// highlighted), Compare versions (side-by-side diff) and Check compatibility (with
// Register for developers and admins). Failures show inline with Retry. The check panel
// stays mounted while another tab is shown, so a draft being edited is still there.
import { useId, useState } from "react";
import type { ConnectionProfile } from "../../bindings/ConnectionProfile";
import { InlineError } from "../../components/InlineError";
import { Spinner } from "../../components/Spinner";
import { Tabs, tabId, type TabDef } from "../../components/Tabs";
import { CompatibilityPanel } from "./CompatibilityPanel";
import { useSubjectDetail } from "./queries";
import { SchemaDiff } from "./SchemaDiff";
import { SchemaVersionPanel } from "./SchemaVersionPanel";
import { SubjectFacts } from "./SubjectFacts";

type SubjectTab = "schema" | "diff" | "check";

const SUBJECT_TABS: readonly TabDef<SubjectTab>[] = [
  { tab: "schema", label: "Schema", testId: "subject-tab-schema" },
  { tab: "diff", label: "Compare versions", testId: "subject-tab-diff" },
  { tab: "check", label: "Check compatibility", testId: "subject-tab-check" },
];

export function SubjectDetailView({ profile, subject }: { profile: ConnectionProfile; subject: string }) {
  const titleId = useId();
  const tabBase = useId();
  const panelId = (which: SubjectTab) => `${tabBase}-panel-${which}`;
  const [tab, setTab] = useState<SubjectTab>("schema");
  const detail = useSubjectDetail(profile.id, subject);
  const data = detail.data;

  const panelProps = (which: SubjectTab) => ({
    className: "subject-detail__panel",
    role: "tabpanel",
    id: panelId(which),
    "aria-labelledby": tabId(tabBase, which),
  });

  return (
    <section className="subject-detail" data-testid="subject-detail" aria-labelledby={titleId}>
      <header className="view-header subject-detail__header">
        <div className="view-header__title">
          <h3 id={titleId} className="subject-detail__title mono" data-testid="subject-title">
            {subject}
          </h3>
        </div>
      </header>
      {detail.error !== null && (
        <InlineError
          error={detail.error}
          onRetry={() => {
            void detail.refetch();
          }}
          retrying={detail.isFetching}
        />
      )}
      {data === undefined ? (
        detail.isPending && <Spinner label="Loading the subject…" />
      ) : (
        <>
          <SubjectFacts profile={profile} detail={data} />
          <Tabs
            tabs={SUBJECT_TABS}
            idBase={tabBase}
            panelId={panelId}
            active={tab}
            onSelect={setTab}
            label="Subject views"
            className="subject-detail__tabs"
          />
          {tab === "schema" && (
            <div {...panelProps("schema")}>
              <SchemaVersionPanel connectionId={profile.id} detail={data} />
            </div>
          )}
          {tab === "diff" && (
            <div {...panelProps("diff")}>
              <SchemaDiff connectionId={profile.id} detail={data} />
            </div>
          )}
          <div {...panelProps("check")} hidden={tab !== "check"}>
            <CompatibilityPanel connectionId={profile.id} detail={data} />
          </div>
        </>
      )}
    </section>
  );
}
