// Saves the window's view and places (and a secondary window's name) whenever they change,
// so the next start can bring the window back as it was (restore.ts).
import { useEffect } from "react";
import { useNavigation } from "./navigation";
import { writeSession } from "./windowSession";

export function SessionSaver({ label, name }: { label: string; name: string | null }) {
  const { view, places } = useNavigation();
  useEffect(() => {
    writeSession(label, { view, places, title: name });
  }, [label, view, places, name]);
  return null;
}
