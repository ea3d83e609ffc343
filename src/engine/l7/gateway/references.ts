import { Cluster } from '../../../model/cluster';
import { GroupKind } from '../../../model/kinds/gateway/types';

export interface ReferenceCheck {
  readonly allowed: boolean;
  /** `ns/name` of the ReferenceGrant that allowed a cross-namespace reference. */
  readonly grant?: string;
}

/**
 * Whether an object of `from` (in from.namespace) may refer to `to`. Same-namespace
 * references are always allowed; cross-namespace ones need a ReferenceGrant in
 * the target namespace whose `from` names the referrer's group, kind and
 * namespace and whose `to` names the target's group and kind (and name, if set).
 */
export function checkReference(
  cluster: Cluster,
  from: GroupKind & { readonly namespace: string },
  to: GroupKind & { readonly namespace: string; readonly name: string },
): ReferenceCheck {
  if (from.namespace === to.namespace) return { allowed: true };
  for (const g of cluster.referenceGrants) {
    if (g.namespace !== to.namespace) continue;
    const fromOk = g.from.some(f => f.group === from.group && f.kind === from.kind && f.namespace === from.namespace);
    const toOk = g.to.some(t => t.group === to.group && t.kind === to.kind && (t.name === undefined || t.name === to.name));
    if (fromOk && toOk) return { allowed: true, grant: `${g.namespace}/${g.name}` };
  }
  return { allowed: false };
}
