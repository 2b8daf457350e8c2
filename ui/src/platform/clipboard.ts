// Clipboard access. The web Clipboard API is used as-is; it can be missing or refuse
// (no user activation, WebKitGTK permission policy), and callers must offer a fallback.
export async function copyText(text: string): Promise<void> {
  // navigator.clipboard is undefined outside secure contexts even though the DOM
  // typings say otherwise; treat that like a refusal.
  const clipboard = (navigator as Partial<Navigator>).clipboard;
  if (clipboard === undefined) {
    throw new Error("The clipboard is not available in this window.");
  }
  await clipboard.writeText(text);
}
