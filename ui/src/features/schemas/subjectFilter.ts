// The subject list's instant filter: every word of the search must appear in the subject
// name (case-insensitive), so "orders value" finds "demo.orders-value".
export function filterSubjects(subjects: readonly string[], search: string): string[] {
  const words = search.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const sorted = [...subjects].sort((a, b) => a.localeCompare(b));
  if (words.length === 0) return sorted;
  return sorted.filter((subject) => {
    const name = subject.toLowerCase();
    return words.every((word) => name.includes(word));
  });
}
