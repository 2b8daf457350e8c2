// The Schemas tab: the subject list on the left and, once one is opened, that subject's
// detail on the right. The registry's failure (down, wrong URL, refused) shows inline with
// Retry. Opening a subject is a navigation, so the sidebar and title follow it.
import { useNavigation } from "../../app/navigation";
import type { ConnectionProfile } from "../../bindings/ConnectionProfile";
import { InlineError } from "../../components/InlineError";
import { Spinner } from "../../components/Spinner";
import { useRegistryOverview } from "./queries";
import { SubjectDetailView } from "./SubjectDetailView";
import { SubjectList } from "./SubjectList";
import "./schemas.css";

interface SchemasViewProps {
  profile: ConnectionProfile;
  /** The open subject, or null for the list alone. */
  subject: string | null;
  search: string;
  onSearchChange: (search: string) => void;
}

export function SchemasView({ profile, subject, search, onSearchChange }: SchemasViewProps) {
  const { navigate } = useNavigation();
  const overview = useRegistryOverview(profile.id);

  return (
    <section className="schemas-view" data-testid="schemas-view" aria-label="Schemas">
      <div className="schemas-view__list">
        {overview.error !== null && (
          <InlineError
            error={overview.error}
            onRetry={() => {
              void overview.refetch();
            }}
            retrying={overview.isFetching}
          />
        )}
        {overview.isPending && <Spinner label="Loading subjects…" />}
        <SubjectList
          overview={overview.data}
          selected={subject}
          search={search}
          onSearchChange={onSearchChange}
          onOpen={(next) => {
            navigate({ kind: "subject", id: profile.id, subject: next });
          }}
        />
      </div>
      <div className="schemas-view__detail">
        {subject === null ? (
          <p className="empty-state muted" data-testid="subject-none">
            Pick a subject to see its schema, compare its versions or check a new one.
          </p>
        ) : (
          <SubjectDetailView key={subject} profile={profile} subject={subject} />
        )}
      </div>
    </section>
  );
}
