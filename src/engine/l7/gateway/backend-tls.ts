import { configMapIn } from './certificates';
import { Condition } from './condition';
import { compareTimestamps } from './precedence';
import { Cluster, Service } from '../../../model/cluster';
import { BackendTLSPolicy } from '../../../model/kinds/gateway/types';

/** The status an implementation writes for a BackendTLSPolicy (per ancestor; the same for every Gateway here). */
export interface BackendTLSPolicyStatus {
  /** True; False with Conflicted, NoValidCACertificate or Invalid. */
  readonly accepted: Condition;
  /** True; False with InvalidKind or InvalidCACertificateRef. */
  readonly resolvedRefs: Condition;
  /** Targets that name no Service of the input, or no port of it (`ns/name[:section]`). */
  readonly missingTargets: readonly string[];
}

/** How the hop from the gateway to one Service port is secured. */
export interface BackendTLS {
  /** `ns/name` of the policy that applies. */
  readonly policy: string;
  /** SNI and certificate name. */
  readonly hostname: string;
  /** `CA ConfigMap ns/name`, `well-known CAs (System)`, ... */
  readonly validation: string;
  /** Why connections fail (the spec requires a 5xx when the CA references are invalid). */
  readonly problem?: string;
}

const SUPPORTED_WELL_KNOWN = ['System'];

/**
 * Accepted and ResolvedRefs of a policy (BackendTLSPolicyValidation): CA
 * references must be core ConfigMaps (InvalidKind otherwise) holding `ca.crt`
 * (InvalidCACertificateRef without the key, or when missing from a namespace whose
 * CA bundles the input carries);
 * with every reference invalid the policy is not accepted (NoValidCACertificate).
 * Well-known CAs other than `System` are Invalid. Of policies that target the same
 * Service and sectionName, the oldest (then by namespace/name) wins; the others
 * are Conflicted.
 */
export function backendTLSPolicyStatus(cluster: Cluster, policy: BackendTLSPolicy): BackendTLSPolicyStatus {
  const ok = (type: 'Accepted' | 'ResolvedRefs', message: string): Condition => ({ type, status: 'True', reason: type, message });
  const bad = (type: 'Accepted' | 'ResolvedRefs', reason: string, message: string): Condition => ({ type, status: 'False', reason, message });
  const missingTargets = policy.targetRefs.filter(t => {
    const svc = t.group === '' && t.kind === 'Service' ? serviceNamed(cluster, policy.namespace, t.name) : undefined;
    return !svc || (t.sectionName !== undefined && !svc.ports.some(p => p.name === t.sectionName));
  }).map(t => `${policy.namespace}/${t.name}${t.sectionName ? ':' + t.sectionName : ''}`);
  let resolvedRefs = ok('ResolvedRefs', 'all CA certificate references resolved');
  let valid = 0;
  for (const ref of policy.caCertificateRefs) {
    const target = `${policy.namespace}/${ref.name}`;
    let problem: Condition | undefined;
    if (ref.group !== '' || ref.kind !== 'ConfigMap') {
      problem = bad('ResolvedRefs', 'InvalidKind', `caCertificateRef ${target} is a ${ref.group ? `${ref.kind}.${ref.group}` : ref.kind}, not a core ConfigMap`);
    } else {
      const cm = configMapIn(cluster, policy.namespace, ref.name);
      if (!cm.keys && caBundlesInInput(cluster, policy.namespace)) problem = bad('ResolvedRefs', 'InvalidCACertificateRef', `ConfigMap ${target} not found`);
      else if (cm.keys && !cm.keys.includes('ca.crt')) problem = bad('ResolvedRefs', 'InvalidCACertificateRef', `ConfigMap ${target} has no ca.crt key`);
    }
    if (problem) {
      if (resolvedRefs.status === 'True') resolvedRefs = problem;
    } else {
      valid++;
    }
  }
  const conflict = conflictingPolicy(cluster, policy);
  let accepted: Condition;
  if (policy.wellKnownCACertificates !== undefined && !SUPPORTED_WELL_KNOWN.includes(policy.wellKnownCACertificates)) {
    accepted = bad('Accepted', 'Invalid', `wellKnownCACertificates "${policy.wellKnownCACertificates}" is not recognised (only System)`);
  } else if (policy.caCertificateRefs.length > 0 && valid === 0) {
    accepted = bad('Accepted', 'NoValidCACertificate', `no valid CA certificate reference: ${resolvedRefs.message}`);
  } else if (conflict) {
    accepted = bad('Accepted', 'Conflicted', `BackendTLSPolicy ${conflict} targets the same Service and sectionName and takes precedence (older, then by namespace/name)`);
  } else {
    accepted = ok('Accepted', 'policy accepted');
  }
  return { accepted, resolvedRefs, missingTargets };
}

/**
 * Whether the input carries the CA bundles of a namespace: some BackendTLSPolicy
 * there references a ConfigMap the input has. Only then is a missing CA ConfigMap
 * known to be missing; otherwise it is created outside the input (by trust-manager,
 * a CI job, ...) and assumed to exist. Any ConfigMap would not do: most are app config.
 */
function caBundlesInInput(cluster: Cluster, namespace: string): boolean {
  return cluster.backendTLSPolicies.some(p => p.namespace === namespace
    && p.caCertificateRefs.some(c => c.group === '' && c.kind === 'ConfigMap' && configMapIn(cluster, namespace, c.name).keys !== undefined));
}

/** The policy securing traffic to a Service port, if any: one naming the port (sectionName) before one naming the whole Service. */
export function backendTLSFor(cluster: Cluster, svc: Service, port: number): BackendTLS | undefined {
  const sp = svc.ports.find(p => p.port === port);
  const candidates = (forSection: boolean) => cluster.backendTLSPolicies.filter(p => p.namespace === svc.namespace && p.targetRefs.some(t =>
    t.group === '' && t.kind === 'Service' && t.name === svc.name && (forSection ? t.sectionName !== undefined && t.sectionName === sp?.name : t.sectionName === undefined)));
  const ordered = (list: BackendTLSPolicy[]) => [...list].sort(byPrecedence);
  const policy = ordered(candidates(true))[0] ?? ordered(candidates(false))[0];
  if (!policy) return undefined;
  const st = backendTLSPolicyStatus(cluster, policy);
  const validation = policy.wellKnownCACertificates !== undefined
    ? `well-known CAs (${policy.wellKnownCACertificates})`
    : policy.caCertificateRefs.map(c => `CA ${c.kind} ${policy.namespace}/${c.name}`).join(', ');
  const problem = st.accepted.status === 'False' && st.accepted.reason !== 'Conflicted' ? `${st.accepted.reason}: ${st.accepted.message}`
    : st.resolvedRefs.status === 'False' ? `${st.resolvedRefs.reason}: ${st.resolvedRefs.message}` : undefined;
  return { policy: `${policy.namespace}/${policy.name}`, hostname: policy.hostname, validation, problem };
}

function byPrecedence(a: BackendTLSPolicy, b: BackendTLSPolicy): number {
  const ka = `${a.namespace}/${a.name}`;
  const kb = `${b.namespace}/${b.name}`;
  return compareTimestamps(a.creationTimestamp, b.creationTimestamp) || (ka < kb ? -1 : ka > kb ? 1 : 0);
}

/** The policy that takes precedence over `policy` on one of its targets, if any. */
function conflictingPolicy(cluster: Cluster, policy: BackendTLSPolicy): string | undefined {
  for (const t of policy.targetRefs) {
    const rivals = cluster.backendTLSPolicies.filter(p => p !== policy && p.namespace === policy.namespace
      && p.targetRefs.some(o => o.group === t.group && o.kind === t.kind && o.name === t.name && o.sectionName === t.sectionName));
    const first = rivals.find(p => byPrecedence(p, policy) < 0);
    if (first) return `${first.namespace}/${first.name}`;
  }
  return undefined;
}

function serviceNamed(cluster: Cluster, namespace: string, name: string): Service | undefined {
  return cluster.services.find(s => s.namespace === namespace && s.name === name);
}
