/**
 * Element-wise path prefix match shared by Ingress `Prefix` and Gateway API
 * `PathPrefix`: `/foo` matches `/foo`, `/foo/` and `/foo/bar` but not `/foobar`;
 * a trailing `/` on the prefix is ignored.
 */
export function pathPrefixMatches(prefix: string, path: string): boolean {
  const p = trimTrailingSlash(prefix);
  if (p === '') return true;
  return path === p || path.startsWith(p + '/');
}

/** `/foo/` -> `/foo`; `/` -> `` (matches everything). */
export function trimTrailingSlash(p: string): string {
  return p.replace(/\/+$/, '');
}

/** Number of non-empty path elements: `/aaa/bbb/` -> 2. */
export function pathElements(p: string): number {
  return p.split('/').filter(s => s !== '').length;
}
