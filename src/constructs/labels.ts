/** Label map with sorted keys, so rendered selectors are stable. */
export function sortedMap(m: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(m).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function formatLabels(m: Record<string, string>): string {
  const e = Object.entries(sortedMap(m));
  return e.length === 0 ? '(all)' : e.map(([k, v]) => `${k}=${v}`).join(',');
}
