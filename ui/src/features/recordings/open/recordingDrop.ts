// What a drag of files onto the window means: an .slrec file is a recording to open (the
// first, when several are dropped); anything else is refused, with the reason.
export type DropVerdict = { kind: "open"; path: string } | { kind: "refuse"; message: string };

export function isRecordingPath(path: string): boolean {
  return /\.slrec$/i.test(path.trim());
}

export function dropVerdict(paths: readonly string[]): DropVerdict {
  const recording = paths.find(isRecordingPath);
  if (recording !== undefined) return { kind: "open", path: recording };
  const names = paths.map((p) => p.split(/[\\/]/).at(-1) ?? p);
  return {
    kind: "refuse",
    message:
      names.length === 0
        ? "Nothing was dropped that Streamlens can open: drop a .slrec recording."
        : `${names.map((n) => `“${n}”`).join(", ")} ${names.length === 1 ? "is not a recording" : "are not recordings"}: only .slrec files open here.`,
  };
}
