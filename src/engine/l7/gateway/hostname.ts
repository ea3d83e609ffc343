/**
 * Gateway API hostname semantics: a leading `*.` matches one or more DNS
 * labels (`*.example.com` matches `a.b.example.com`, not `example.com`),
 * unlike Ingress wildcards which cover exactly one label.
 */
export function hostnameMatches(pattern: string, host: string): boolean {
  if (pattern.startsWith('*.')) {
    const suffix = pattern.slice(1);
    return host.length > suffix.length && host.endsWith(suffix);
  }
  return pattern === host;
}

/**
 * Intersection of a listener hostname and a route's hostnames: the hostnames
 * the route serves on that listener. `undefined` means any host (neither side
 * restricts); an empty list means no intersection.
 */
export function intersectHostnames(listener: string | undefined, route: readonly string[]): readonly string[] | undefined {
  if (route.length === 0) return listener === undefined ? undefined : [listener];
  if (listener === undefined) return route;
  const out: string[] = [];
  for (const h of route) {
    const common = intersectTwo(listener, h);
    if (common !== undefined) out.push(common);
  }
  return [...new Set(out)];
}

/** Specificity of a hostname pattern for listener and route precedence: exact beats wildcard, longer beats shorter. */
export function hostnameSpecificity(pattern: string | undefined): [number, number] {
  if (pattern === undefined) return [0, 0];
  return pattern.startsWith('*.') ? [0, pattern.length] : [pattern.length, pattern.length];
}

/** The more specific of two hostname patterns when one covers the other. */
function intersectTwo(a: string, b: string): string | undefined {
  if (a === b) return a;
  const aw = a.startsWith('*.');
  const bw = b.startsWith('*.');
  if (aw && (bw ? b.endsWith(a.slice(1)) : hostnameMatches(a, b))) return b;
  if (bw && (aw ? a.endsWith(b.slice(1)) : hostnameMatches(b, a))) return a;
  return undefined;
}
