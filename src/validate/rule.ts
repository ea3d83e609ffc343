import { Level, ObjectRef } from './finding';
import { isolation } from '../engine/netpol/direction';
import { podOf } from '../engine/netpol/endpoint';
import { serviceBackends } from '../engine/service-backends';
import { workloadsByLabel } from '../engine/workload-index';
import { Cluster, Service, Workload } from '../model/cluster';
import { SourceRef } from '../model/errors';
import { NetworkPolicy, PolicyType } from '../model/kinds/network-policy';

/** What one rule reports about one object. */
export interface Violation {
  readonly object: ObjectRef;
  readonly message: string;
  readonly field?: string;
  /** Overrides the rule's fix hint when the fix depends on the object. */
  readonly fix?: string;
  /** Overrides the rule's level when the finding is less certain for this object. */
  readonly level?: Level;
}

/**
 * An audit rule: a small pure function over the cluster model. The id never
 * changes meaning; a rule that changes meaning gets a new id.
 */
export interface Rule {
  /** Stable id, `TRF-<AREA>-<NNN>`. */
  readonly id: string;
  /** Kebab-case name (the file name). */
  readonly name: string;
  readonly level: Level;
  /** One line: what the rule looks for. */
  readonly summary: string;
  /** What to change when it fires. */
  readonly fix: string;
  readonly check: (ctx: RuleContext) => Violation[];
}

/**
 * The cluster plus lookups several rules share, computed once per run.
 */
export class RuleContext {
  private readonly backends = new Map<Service, Workload[]>();
  private readonly isolations = new Map<Workload, Readonly<Record<PolicyType, readonly NetworkPolicy[]>>>();

  constructor(public readonly cluster: Cluster) {}

  /** Workloads a Service selects (cached). */
  public backendsOf(svc: Service): Workload[] {
    let b = this.backends.get(svc);
    if (!b) {
      b = serviceBackends(this.cluster, svc);
      this.backends.set(svc, b);
    }
    return b;
  }

  /**
   * The policies of the workload's namespace that select it, per direction
   * (the engine's isolation; cached: several rules ask it of every workload).
   */
  public isolationOf(w: Workload): Readonly<Record<PolicyType, readonly NetworkPolicy[]>> {
    let i = this.isolations.get(w);
    if (!i) {
      const both = isolation(this.cluster, podOf(w));
      this.isolations.set(w, i = { Ingress: both.ingress, Egress: both.egress });
    }
    return i;
  }

  /** Workloads of a namespace, in model order. */
  public workloadsIn(namespace: string): Workload[] {
    return [...workloadsByLabel(this.cluster, namespace).candidates({})];
  }
}

/** An ObjectRef for a namespaced model object. */
export function refOf(kind: string, o: { namespace: string; name: string; source?: SourceRef }): ObjectRef {
  return { kind, namespace: o.namespace, name: o.name, source: o.source };
}
