// A select's fixed numeric choices plus values that must be offered though the list lacks
// them (a default chosen in Settings, a value the backend allows but the list does not
// name), so a select never shows something other than the value in force. Ascending.
export function choicesWith(choices: readonly number[], ...values: readonly (number | null)[]): number[] {
  const all = new Set(choices);
  for (const value of values) if (value !== null) all.add(value);
  return [...all].sort((a, b) => a - b);
}
