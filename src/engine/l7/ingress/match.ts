import { IngressPathType } from '../../../model/kinds/ingress';
import { pathElements, pathPrefixMatches } from '../path';

/** How ImplementationSpecific paths are read: controllers differ (ingress-nginx: regex-capable prefix). */
export type ImplementationSpecificAs = 'Prefix' | 'Exact';

/**
 * Ingress host match: exact, or `*.example.com` covering exactly one label
 * (`foo.example.com`, not `example.com` nor `a.b.example.com`).
 */
export function ingressHostMatches(ruleHost: string, host: string): boolean {
  if (ruleHost.startsWith('*.')) {
    const dot = host.indexOf('.');
    return dot > 0 && host.slice(dot) === ruleHost.slice(1);
  }
  return ruleHost === host;
}

/** The path type a path is matched as, after resolving ImplementationSpecific. */
export function effectivePathType(t: IngressPathType, implementationSpecific: ImplementationSpecificAs): 'Exact' | 'Prefix' {
  return t === 'ImplementationSpecific' ? implementationSpecific : t;
}

/** Exact is case-sensitive string equality; Prefix is element-wise with the trailing slash ignored. */
export function ingressPathMatches(type: 'Exact' | 'Prefix', path: string | undefined, reqPath: string): boolean {
  const p = path ?? '/';
  return type === 'Exact' ? p === reqPath : pathPrefixMatches(p, reqPath);
}

/** Precedence: more path elements first, then Exact over Prefix. */
export function ingressPathPrecedence(type: 'Exact' | 'Prefix', path: string | undefined): [number, number] {
  return [pathElements(path ?? '/'), type === 'Exact' ? 1 : 0];
}
