import { Prng } from './prng';
import { KubeObject } from '../../src/model/manifest';

export interface GenerateOptions {
  /** Most namespaces. @default 3 */
  readonly maxNamespaces?: number;
  /** Most workloads per namespace. @default 3 */
  readonly maxPodsPerNamespace?: number;
  /** Most NetworkPolicies. @default 4 */
  readonly maxPolicies?: number;
  /** Most rules per direction of a policy. @default 3 */
  readonly maxRules?: number;
  /** Include IPv6 ipBlocks. @default true */
  readonly ipv6?: boolean;
}

const NAMESPACES = ['x', 'y', 'z', 'w', 'v', 'u'];
const NS_LABELS: Record<string, readonly string[]> = { env: ['prod', 'dev'], team: ['a', 'b'] };
const POD_LABELS: Record<string, readonly string[]> = { app: ['a', 'b', 'c'], tier: ['web', 'db'], role: ['x'] };
const PORT_NAMES = ['http', 'dns', 'metrics'];
const PORTS = [80, 81, 82, 90];
const PROTOCOLS = ['TCP', 'UDP', 'SCTP'];
const CIDRS_V4: Record<string, readonly string[]> = {
  '0.0.0.0/0': ['10.0.0.0/8', '192.168.0.0/16', '10.1.0.0/16'],
  '10.0.0.0/8': ['10.1.0.0/16', '10.1.2.0/24', '10.200.0.0/13'],
  '10.1.0.0/16': ['10.1.2.0/24', '10.1.128.0/17'],
  '10.1.2.0/24': ['10.1.2.128/25', '10.1.2.7/32'],
  '192.168.0.0/16': ['192.168.1.0/24'],
  '10.1.2.3/32': [],
  '172.16.0.0/12': ['172.16.0.0/16'],
};
const CIDRS_V6: Record<string, readonly string[]> = {
  '::/0': ['fd00::/8'],
  'fd00::/8': ['fd00:1::/32', 'fdff::/16'],
  'fd00:1::/32': ['fd00:1:2::/48'],
};

/**
 * A random but valid cluster: Namespaces, Pods/Deployments with labels and
 * named ports (the same name maps to different numbers on different pods), and
 * NetworkPolicies exercising the edge cases of the API: empty selectors, NotIn
 * and DoesNotExist on missing labels, missing vs empty from/to/ports, `{}`
 * rules, policyTypes defaults, overlapping ipBlocks with except, endPort.
 * Deterministic for a seed.
 */
export function generateCluster(seed: number, options: GenerateOptions = {}): KubeObject[] {
  const r = new Prng(seed);
  const out: KubeObject[] = [];
  const nsCount = r.int(1, options.maxNamespaces ?? 3);
  const namespaces = NAMESPACES.slice(0, nsCount);
  for (const ns of namespaces) {
    // Some namespaces are only referenced, never declared (no extra labels).
    if (r.chance(0.15)) continue;
    out.push({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns, labels: randomLabels(r, NS_LABELS) } });
  }
  let podId = 0;
  for (const ns of namespaces) {
    const n = r.int(1, options.maxPodsPerNamespace ?? 3);
    for (let i = 0; i < n; i++) out.push(randomWorkload(r, ns, `p${podId++}`));
  }
  const np = r.int(0, options.maxPolicies ?? 4);
  for (let i = 0; i < np; i++) out.push(randomPolicy(r, r.pick(namespaces), `np${i}`, namespaces, options));
  return out;
}

function randomLabels(r: Prng, space: Record<string, readonly string[]>): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const [k, vs] of Object.entries(space)) if (r.chance(0.55)) labels[k] = r.pick(vs);
  return labels;
}

function randomWorkload(r: Prng, ns: string, name: string): KubeObject {
  const labels = randomLabels(r, POD_LABELS);
  const used = new Set<string>();
  const ports = [];
  for (let i = r.int(0, 3); i > 0; i--) {
    const protocol = r.pick(PROTOCOLS);
    const containerPort = r.pick(PORTS);
    const key = `${containerPort}/${protocol}`;
    if (used.has(key)) continue;
    used.add(key);
    const pname = r.chance(0.7) ? r.pick(PORT_NAMES) : undefined;
    if (pname && used.has(pname)) continue;
    if (pname) used.add(pname);
    ports.push({ containerPort, ...(protocol !== 'TCP' || r.chance(0.5) ? { protocol } : {}), ...(pname ? { name: pname } : {}) });
  }
  const podSpec = { containers: [{ name: 'main', image: 'registry.example/app:1', ports }] };
  if (r.chance(0.5)) {
    return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: ns, labels }, spec: podSpec };
  }
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: ns },
    spec: { selector: { matchLabels: labels }, template: { metadata: { labels }, spec: podSpec } },
  };
}

function randomSelector(r: Prng, space: Record<string, readonly string[]>): Record<string, unknown> {
  const roll = r.next();
  if (roll < 0.25) return {};
  const sel: Record<string, unknown> = {};
  if (roll < 0.7) {
    const ml: Record<string, string> = {};
    const [k, vs] = r.pick(Object.entries(space));
    ml[k] = r.pick(vs);
    sel.matchLabels = ml;
  }
  if (roll >= 0.55) {
    const exprs = [];
    for (let i = r.int(1, 2); i > 0; i--) {
      const [k, vs] = r.pick(Object.entries(space));
      const op = r.pick(['In', 'NotIn', 'Exists', 'DoesNotExist']);
      exprs.push(op === 'In' || op === 'NotIn' ? { key: k, operator: op, values: r.subset(vs, 0.6).concat(r.pick(vs)) } : { key: k, operator: op });
    }
    sel.matchExpressions = exprs;
  }
  return sel;
}

function randomIpBlock(r: Prng, ipv6: boolean): Record<string, unknown> {
  const table = ipv6 && r.chance(0.2) ? CIDRS_V6 : CIDRS_V4;
  const cidr = r.pick(Object.keys(table));
  const except = r.subset(table[cidr], 0.4);
  return except.length > 0 || r.chance(0.5) ? { cidr, except } : { cidr };
}

function randomPeer(r: Prng, namespaces: readonly string[], ipv6: boolean): Record<string, unknown> {
  const roll = r.next();
  if (roll < 0.3) return { podSelector: randomSelector(r, POD_LABELS) };
  if (roll < 0.55) {
    // Often by the implied name label, as users write it.
    const ns = r.chance(0.5) ? { matchLabels: { 'kubernetes.io/metadata.name': r.pick(namespaces) } } : randomSelector(r, NS_LABELS);
    return { namespaceSelector: ns };
  }
  if (roll < 0.8) return { podSelector: randomSelector(r, POD_LABELS), namespaceSelector: randomSelector(r, NS_LABELS) };
  return { ipBlock: randomIpBlock(r, ipv6) };
}

function randomPort(r: Prng): Record<string, unknown> {
  const p: Record<string, unknown> = {};
  if (r.chance(0.6)) p.protocol = r.pick(PROTOCOLS);
  const roll = r.next();
  if (roll < 0.45) {
    p.port = r.pick(PORTS);
    if (r.chance(0.3)) p.endPort = (p.port as number) + r.int(0, 9);
  } else if (roll < 0.85) {
    p.port = r.pick(PORT_NAMES);
  }
  return p;
}

function randomRule(r: Prng, peersKey: 'from' | 'to', namespaces: readonly string[], ipv6: boolean): Record<string, unknown> {
  const rule: Record<string, unknown> = {};
  const peers = r.next();
  if (peers < 0.15) rule[peersKey] = [];
  else if (peers > 0.3) rule[peersKey] = Array.from({ length: r.int(1, 3) }, () => randomPeer(r, namespaces, ipv6));
  const ports = r.next();
  if (ports < 0.15) rule.ports = [];
  else if (ports > 0.35) rule.ports = Array.from({ length: r.int(1, 3) }, () => randomPort(r));
  return rule;
}

function randomPolicy(r: Prng, ns: string, name: string, namespaces: readonly string[], o: GenerateOptions): KubeObject {
  const ipv6 = o.ipv6 ?? true;
  const maxRules = o.maxRules ?? 3;
  const spec: Record<string, unknown> = { podSelector: randomSelector(r, POD_LABELS) };
  const types = r.next();
  if (types < 0.2) spec.policyTypes = ['Ingress'];
  else if (types < 0.4) spec.policyTypes = ['Egress'];
  else if (types < 0.6) spec.policyTypes = ['Ingress', 'Egress'];
  else if (types < 0.65) spec.policyTypes = [];
  for (const [dir, key] of [['ingress', 'from'], ['egress', 'to']] as const) {
    const roll = r.next();
    if (roll < 0.3) continue; // missing
    if (roll < 0.4) spec[dir] = [];
    else spec[dir] = Array.from({ length: r.int(1, maxRules) }, () => randomRule(r, key, namespaces, ipv6));
  }
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace: ns }, spec };
}
