// Opening the bundled sample recording: the backend writes it into the data directory and
// names its path, which the recording view then opens — something real to look at without
// any cluster. A failure goes to the error banner.
import { useReportError } from "../../../app/AppProviders";
import { useNavigation } from "../../../app/navigation";
import { useSampleRecording } from "../queries";

export function useOpenSample() {
  const { navigate } = useNavigation();
  const reportError = useReportError();
  const sample = useSampleRecording();
  return {
    pending: sample.isPending,
    open: () => {
      sample.mutate(undefined, {
        onSuccess: (path) => {
          navigate({ kind: "recording", path });
        },
        onError: reportError,
      });
    },
  };
}
