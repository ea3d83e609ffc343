// The problem collector of the Ingress, IngressClass and Gateway API constructs, with the field
// formats of the Kubernetes and Gateway API references it checks. Not exported from the package.

/** RFC 1123 hostname, optionally with a leading `*.` (Gateway API `Hostname`). */
const HOSTNAME_RE = /^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** Gateway API `PreciseHostname` (no wildcard). */
export const PRECISE_HOSTNAME_RE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** A dotted-quad IPv4 address (IPv6 addresses fail the hostname patterns anyway). */
const IPV4_RE = /^[0-9]{1,3}(\.[0-9]{1,3}){3}$/;
/** RFC 1123 label (namespace names). */
export const DNS_LABEL_RE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
/** Gateway API `SectionName` (listener and rule names). */
export const SECTION_NAME_RE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** Gateway API `Kind`. */
const KIND_RE = /^[a-zA-Z]([-a-zA-Z0-9]*[a-zA-Z0-9])?$/;
/** Gateway API `Group` (empty is the core group). */
const GROUP_RE = /^$|^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** HTTP header name token (RFC 7230). */
const HEADER_NAME_RE = /^[A-Za-z0-9!#$%&'*+\-.^_`|~]+$/;

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
