/** Orders strings by UTF-16 code unit, independent of locale, so sorted output is the same everywhere. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
