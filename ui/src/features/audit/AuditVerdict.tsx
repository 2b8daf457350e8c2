// "Verify chain": walks the audit log's hash chain in the backend and says whether it
// holds, or the first row where it breaks and why (a warning, not an app error).
import { useReportError } from "../../app/AppProviders";
import type { AuditVerification } from "../../bindings/AuditVerification";
import { pluralize } from "../../components/format";
import { useVerifyAudit } from "./queries";

function verdictText(result: AuditVerification): string {
  if (result.intact) return `Intact: ${pluralize(result.rows, "row")}, the hash chain holds`;
  const problem = result.problem ?? "the hash chain does not hold";
  return result.brokenAt === null ? `Broken: ${problem}` : `Broken at row ${result.brokenAt}: ${problem}`;
}

export function AuditVerdict({ result }: { result: AuditVerification }) {
  return (
    <p
      className={`audit-verdict ${result.intact ? "audit-verdict--intact" : "audit-verdict--broken"}`}
      role="status"
      data-testid="audit-verdict"
      data-intact={result.intact}
    >
      {!result.intact && (
        <span className="audit-verdict__icon" aria-hidden="true">
          !
        </span>
      )}
      {verdictText(result)}
    </p>
  );
}

export function VerifyChain() {
  const reportError = useReportError();
  const verify = useVerifyAudit();
  return (
    <div className="audit-verify">
      <button
        type="button"
        className="button"
        data-testid="verify-audit"
        disabled={verify.isPending}
        onClick={() => {
          verify.mutate(undefined, { onError: reportError });
        }}
      >
        {verify.isPending ? "Verifying…" : "Verify chain"}
      </button>
      {verify.data !== undefined && <AuditVerdict result={verify.data} />}
    </div>
  );
}
