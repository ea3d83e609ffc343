import { compare } from './compare';
import { FieldReader } from './fields';
import { ContainerPort, OwnerRef, Workload, WORKLOAD_KINDS, WorkloadKind } from './objects';

/**
 * The controller of an object: the ownerReference marked `controller: true`
 * (at most one exists, as the API server enforces). Other owners (garbage
 * collection only) do not run the pods, so they do not name them.
 */
export function readController(r: FieldReader): OwnerRef | undefined {
  const meta = r.optObject('metadata');
  for (const ref of meta?.list('ownerReferences') ?? []) {
    if (ref.optBool('controller') !== true) continue;
    return { kind: ref.optString('kind') ?? '', name: ref.string('name'), apiVersion: ref.optString('apiVersion') };
  }
  return undefined;
}

function key(namespace: string, kind: string, name: string): string {
  return `${namespace}/${kind}/${name}`;
}

function isWorkloadKind(kind: string): kind is WorkloadKind {
  return (WORKLOAD_KINDS as readonly string[]).includes(kind);
}

/**
 * The workload that names a pod-bearing object: follow controller references
 * while the controller is in the input (Pod -> ReplicaSet -> Deployment,
 * Pod -> Job -> CronJob); stop at a controller that is not in the input and name
 * the object after it (`ns/web-5d4f[ReplicaSet]`, as netpol-analyzer does). A
 * Node (static pods) or a controller kind that is not a workload kind leaves the
 * object named after itself.
 */
function identityOf(w: Workload, index: ReadonlyMap<string, Workload>): { kind: WorkloadKind; name: string } {
  let cur = w;
  const visited = new Set<Workload>([w]);
  for (;;) {
    const ctl = cur.controller;
    // A controller reference without a kind (which the API server rejects) names the pods after the owner, as
    // netpol-analyzer does, keeping the Pod kind.
    if (ctl && ctl.kind === '' && cur.kind === 'Pod') return { kind: 'Pod', name: ctl.name };
    if (!ctl || !isWorkloadKind(ctl.kind)) return { kind: cur.kind, name: cur.name };
    const next = index.get(key(cur.namespace, ctl.kind, ctl.name));
    if (!next) return { kind: ctl.kind, name: ctl.name };
    if (visited.has(next)) return { kind: cur.kind, name: cur.name }; // an ownership cycle: stop where we are
    visited.add(next);
    cur = next;
  }
}

/**
 * Folds pods and intermediate controllers into the workload that owns them, so
 * that each workload appears once however the input was produced (manifests,
 * `kubectl get all -o yaml`, a mix). A folded workload keeps the top owner's pod
 * template when the owner is in the input; otherwise its labels are those of the
 * first pod (by name) and its ports the union of the pods' ports. `members`
 * lists what was folded in, as `Kind/name`.
 */
export function foldOwnedWorkloads(workloads: readonly Workload[]): Workload[] {
  // Manifests (rather than objects listed from a cluster) carry no controller references: nothing folds.
  if (!workloads.some(w => w.controller)) return [...workloads];
  const index = new Map<string, Workload>();
  for (const w of workloads) index.set(key(w.namespace, w.kind, w.name), w);

  const groups = new Map<string, { kind: WorkloadKind; name: string; namespace: string; members: Workload[] }>();
  for (const w of workloads) {
    const id = identityOf(w, index);
    const k = key(w.namespace, id.kind, id.name);
    const g = groups.get(k) ?? { ...id, namespace: w.namespace, members: [] };
    g.members.push(w);
    groups.set(k, g);
  }

  const out: Workload[] = [];
  for (const [k, g] of groups) {
    const self = index.get(k);
    if (self && g.members.length === 1) {
      out.push(self);
      continue;
    }
    const members = [...g.members].sort((a, b) => compare(a.kind, b.kind) || compare(a.name, b.name));
    const pods = members.filter(m => m.kind === 'Pod');
    const base = self ?? pods[0] ?? members[0];
    out.push({
      ...base,
      kind: g.kind,
      name: g.name,
      ports: self ? self.ports : unionPorts(members),
      replicas: self ? self.replicas : pods.length,
      controller: self?.controller,
      members: members.filter(m => m !== self).map(m => `${m.kind}/${m.name}`),
      labelGap: self ? undefined : labelGap(pods),
    });
  }
  return out;
}

/** Keys whose value differs between pods (or is missing on some); undefined when they all agree. */
function labelGap(pods: readonly Workload[]): string[] | undefined {
  const keys = new Set(pods.flatMap(p => Object.keys(p.labels)));
  const gap = [...keys].filter(k => pods.some(p => p.labels[k] !== pods[0].labels[k])).sort(compare);
  return gap.length > 0 ? gap : undefined;
}

function unionPorts(members: readonly Workload[]): ContainerPort[] {
  const seen = new Set<string>();
  const out: ContainerPort[] = [];
  for (const m of members) {
    for (const p of m.ports) {
      const k = `${p.container}/${p.name ?? ''}/${p.containerPort}/${p.protocol}`;
      if (seen.has(k)) continue;
      seen.add(k);
      out.push(p);
    }
  }
  return out;
}

/** `ns/pod` -> the workload each Pod of the input was folded into (or the Pod itself). */
export function workloadsByPod(workloads: readonly Workload[]): Map<string, Workload> {
  const out = new Map<string, Workload>();
  for (const w of workloads) {
    if (w.kind === 'Pod') out.set(`${w.namespace}/${w.name}`, w);
    for (const m of w.members ?? []) if (m.startsWith('Pod/')) out.set(`${w.namespace}/${m.slice(4)}`, w);
  }
  return out;
}
