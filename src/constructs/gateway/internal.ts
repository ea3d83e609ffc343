import { ApiObject, App, Chart, Duration } from 'cdk8s';
import { IConstruct } from 'constructs';
import { NAMESPACE_NAME_LABEL } from '../../model/cluster';
import { compare } from '../../model/compare';

export { compare };

// Shared helpers of the Ingress and Gateway API constructs. Not exported from the package.

/** RFC 1123 hostname, optionally with a leading `*.` (Gateway API `Hostname`). */
export const HOSTNAME_RE = /^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** Gateway API `PreciseHostname` (no wildcard). */
export const PRECISE_HOSTNAME_RE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** A dotted-quad IPv4 address (IPv6 addresses fail the hostname patterns anyway). */
export const IPV4_RE = /^[0-9]{1,3}(\.[0-9]{1,3}){3}$/;
/** RFC 1123 label (namespace names). */
export const DNS_LABEL_RE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
/** Gateway API `SectionName` (listener and rule names). */
export const SECTION_NAME_RE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** Gateway API `Kind`. */
export const KIND_RE = /^[a-zA-Z]([-a-zA-Z0-9]*[a-zA-Z0-9])?$/;
/** Gateway API `Group` (empty is the core group). */
export const GROUP_RE = /^$|^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** HTTP header name token (RFC 7230). */
export const HEADER_NAME_RE = /^[A-Za-z0-9!#$%&'*+\-.^_`|~]+$/;
/** Gateway API `Duration` (GEP-2257). */
export const DURATION_RE = /^([0-9]{1,5}(h|m|s|ms)){1,4}$/;

/** Collects the problems of one construct as `path: field: problem` lines. */
export class Problems {
  private readonly items: string[] = [];
  constructor(private readonly path: string) {}

  public add(field: string, problem: string): void {
    this.items.push(`${this.path}: ${field ? field + ': ' : ''}${problem}`);
  }

  /** Adds a problem when `ok` is false. */
  public check(ok: boolean, field: string, problem: string): void {
    if (!ok) this.add(field, problem);
  }

  public hostname(value: string | undefined, field: string, allowWildcard = true): void {
    if (value === undefined) return;
    if (IPV4_RE.test(value)) {
      this.add(field, `"${value}" is an IP address; a hostname is required`);
      return;
    }
    const re = allowWildcard ? HOSTNAME_RE : PRECISE_HOSTNAME_RE;
    this.check(value.length >= 1 && value.length <= 253 && re.test(value), field,
      `invalid hostname "${value}": must be a lowercase RFC 1123 name${allowWildcard ? ', optionally prefixed by "*."' : ''}, at most 253 characters`);
  }

  /** Gateway API `ObjectName`: 1-253 characters. */
  public objectName(value: string | undefined, field: string): void {
    if (value === undefined) return;
    this.check(value.length >= 1 && value.length <= 253, field, `must be 1-253 characters (got ${value.length})`);
  }

  /** Gateway API `Namespace`: a DNS-1123 label, at most 63 characters. */
  public namespace(value: string | undefined, field: string): void {
    if (value === undefined) return;
    this.check(value.length >= 1 && value.length <= 63 && DNS_LABEL_RE.test(value), field, `invalid namespace "${value}"`);
  }

  /** Gateway API `Kind`: 1-63 characters, a letter first. */
  public kind(value: string | undefined, field: string): void {
    if (value === undefined) return;
    this.check(value.length >= 1 && value.length <= 63 && KIND_RE.test(value), field, `invalid kind "${value}"`);
  }

  /** Gateway API `Group`: empty (core) or a DNS-1123 subdomain, at most 253 characters. */
  public group(value: string | undefined, field: string): void {
    if (value === undefined) return;
    this.check(value.length <= 253 && GROUP_RE.test(value), field, `invalid group "${value}"`);
  }

  /** Gateway API `SectionName`: 1-253 characters of a DNS-1123 subdomain. */
  public sectionName(value: string | undefined, field: string): void {
    if (value === undefined) return;
    this.check(value.length >= 1 && value.length <= 253 && SECTION_NAME_RE.test(value), field, `invalid section name "${value}"`);
  }

  public port(value: number | undefined, field: string): void {
    if (value === undefined) return;
    this.check(Number.isInteger(value) && value >= 1 && value <= 65535, field, `must be between 1 and 65535, inclusive (got ${value})`);
  }

  public maxItems(list: readonly unknown[] | undefined, max: number, field: string): void {
    if (list && list.length > max) this.add(field, `at most ${max} items are allowed (got ${list.length})`);
  }

  public headerName(value: string, field: string): void {
    this.check(value.length >= 1 && value.length <= 256 && HEADER_NAME_RE.test(value), field, `invalid header name "${value}"`);
  }

  /** Each problem once, in the order found (a Service exposed by two rules or parents is one problem). */
  public list(): string[] {
    return [...new Set(this.items)];
  }
}

/** Gateway API duration string from a cdk8s Duration, e.g. `1h30m`, `10s`, `250ms`. */
export function renderDuration(d: Duration): string {
  let ms = d.toMilliseconds();
  if (!Number.isInteger(ms) || ms < 0) throw new Error(`duration must be a whole, non-negative number of milliseconds (got ${ms})`);
  if (ms === 0) return '0s';
  const parts: string[] = [];
  for (const [unit, size] of [['h', 3_600_000], ['m', 60_000], ['s', 1000], ['ms', 1]] as const) {
    const n = Math.floor(ms / size);
    if (n > 0) parts.push(`${n}${unit}`);
    ms -= n * size;
  }
  return parts.join('');
}

/** Namespace an object in `scope` is synthesized into (explicit metadata, the chart's, or "default"). */
export function namespaceOf(scope: IConstruct, explicit?: string): string {
  return explicit ?? Chart.of(scope).namespace ?? 'default';
}

/** The first ApiObject of a construct (itself or a direct child), e.g. a cdk8s-plus Service's resource. */
export function apiObjectOf(c: IConstruct, kind?: string): ApiObject | undefined {
  if (c instanceof ApiObject) return kind === undefined || c.kind === kind ? c : undefined;
  const children = c.node.children.filter((x): x is ApiObject => x instanceof ApiObject);
  return children.find(x => kind === undefined || x.kind === kind);
}

/** Name and namespace of a Service-like construct, as it will be synthesized. */
export interface ServiceIdentity {
  readonly name: string;
  readonly namespace: string;
  /** The v1 Service object, when the construct has one (ours, cdk8s-plus, raw ApiObject). */
  readonly apiObject?: ApiObject;
}

/**
 * Name and namespace of a Service given as our `Service`, a cdk8s-plus-28
 * `Service`, or a raw `ApiObject` of kind Service.
 */
export function serviceIdentity(service: IConstruct): ServiceIdentity {
  const api = apiObjectOf(service, 'Service');
  const ours = service as unknown as { name?: unknown; namespace?: unknown };
  if (typeof ours.name === 'string' && typeof ours.namespace === 'string') {
    return { name: ours.name, namespace: ours.namespace, apiObject: api };
  }
  if (!api) throw new Error(`${service.node.path}: not a Service (no ApiObject of kind Service)`);
  return { name: api.name, namespace: namespaceOf(api, api.metadata.namespace), apiObject: api };
}

/** Every ApiObject in the app that holds `scope`, in construct-tree order. */
export function appApiObjects(scope: IConstruct): ApiObject[] {
  return scope.node.root.node.findAll().filter((c): c is ApiObject => c instanceof ApiObject);
}

/**
 * Labels of a namespace as the app declares them (Namespace objects in any chart),
 * plus the implied `kubernetes.io/metadata.name`. `declared` tells whether the app has it.
 */
export function namespaceLabels(scope: IConstruct, namespace: string): { labels: Record<string, string>; declared: boolean } {
  const labels: Record<string, string> = {};
  let declared = false;
  for (const o of appApiObjects(scope)) {
    if (o.kind !== 'Namespace' || o.name !== namespace) continue;
    declared = true;
    Object.assign(labels, (o.toJson() as { metadata?: { labels?: Record<string, string> } }).metadata?.labels ?? {});
  }
  labels[NAMESPACE_NAME_LABEL] = namespace;
  return { labels, declared };
}

/** The App at the root of the tree, if the root is one (Testing.chart() included). */
export function appOf(scope: IConstruct): App | undefined {
  const root = scope.node.root;
  return root instanceof App ? root : undefined;
}

/** Copy of a string map with keys sorted, or undefined when empty/missing. */
export function sortedMap(m: { [key: string]: string } | undefined): { [key: string]: string } | undefined {
  if (!m || Object.keys(m).length === 0) return undefined;
  const out: { [key: string]: string } = {};
  for (const k of Object.keys(m).sort(compare)) out[k] = m[k];
  return out;
}

/** Drops undefined values (so synthesized YAML carries only what was set). */
export function compact<T extends object>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out as T;
}
