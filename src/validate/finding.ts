import { compare as cmp } from '../model/compare';
import { SourceRef } from '../model/errors';

/** How bad a finding is. `error` fails synthesis and makes `validate` exit 1. */
export type Level = 'error' | 'warning' | 'info';

export const LEVELS: readonly Level[] = ['error', 'warning', 'info'];

/** Lower is more severe; used to sort findings. */
export function levelRank(level: Level): number {
  return LEVELS.indexOf(level);
}

/** The Kubernetes object a finding is about. */
export interface ObjectRef {
  readonly kind: string;
  readonly namespace?: string;
  readonly name: string;
  /** Where the object came from: `file#doc` for files, the construct path for an app. */
  readonly source?: SourceRef;
  /** The construct path, when the object was synthesized by a cdk8s app. */
  readonly constructPath?: string;
}

/** `Kind ns/name` (or `Kind name` for cluster-scoped objects). */
export function formatObject(o: ObjectRef): string {
  return o.namespace ? `${o.kind} ${o.namespace}/${o.name}` : `${o.kind} ${o.name}`;
}

/** Where to look: the construct path when known, else `file#doc`. */
export function formatLocation(o: ObjectRef): string | undefined {
  if (o.constructPath) return o.constructPath;
  if (o.source) return `${o.source.file}#${o.source.index}`;
  return undefined;
}

/** A suppression that matched a finding. */
export interface AppliedSuppression {
  readonly reason: string;
  /** The construct path the suppression was attached to, or `*` for app-wide. */
  readonly scope: string;
}

/** One rule violation on one object. */
export interface Finding {
  readonly ruleId: string;
  readonly ruleName: string;
  readonly level: Level;
  readonly message: string;
  readonly fix: string;
  readonly object: ObjectRef;
  /** Field path inside the object (`spec.ingress[0].from[1]`), when the finding is about one field. */
  readonly field?: string;
  /** Set when a suppression silenced this finding; suppressed findings never fail. */
  readonly suppressed?: AppliedSuppression;
}

/** Sort key: severity, rule, then object. Every report uses this order. */
export function compareFindings(a: Finding, b: Finding): number {
  return levelRank(a.level) - levelRank(b.level)
    || cmp(a.ruleId, b.ruleId)
    || cmp(a.object.namespace ?? '', b.object.namespace ?? '')
    || cmp(a.object.kind, b.object.kind)
    || cmp(a.object.name, b.object.name)
    || cmp(a.field ?? '', b.field ?? '')
    || cmp(a.message, b.message);
}
