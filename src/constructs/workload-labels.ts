import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';

// Kept out of the files `src/index.ts` re-exports: a plain function is no part of the jsii surface.

/** Pod-selecting labels of a workload construct (cdk8s-plus-28 or raw ApiObject). */
export function workloadLabels(workload: IConstruct): Record<string, string> {
  const plus = workload as unknown as { matchLabels?: Record<string, string> };
  // An empty map (a cdk8s-plus workload built with `select: false`) would select every pod: read the pod template instead.
  if (plus.matchLabels && typeof plus.matchLabels === 'object' && Object.keys(plus.matchLabels).length > 0) return { ...plus.matchLabels };
  const api = ApiObject.isApiObject(workload) ? workload : workload.node.children.find(ApiObject.isApiObject);
  if (!api) throw new Error(`${workload.node.path}: not a workload (no ApiObject and no matchLabels)`);
  const json = api.toJson() as { kind?: string; metadata?: { labels?: Record<string, string> }; spec?: any };
  const labels = json.kind === 'Pod' ? json.metadata?.labels
    : json.spec?.selector?.matchLabels ?? json.spec?.template?.metadata?.labels ?? json.spec?.jobTemplate?.spec?.template?.metadata?.labels;
  if (!labels || Object.keys(labels).length === 0) {
    throw new Error(`${workload.node.path}: workload ${json.kind ?? ''} has no pod labels to select`);
  }
  return { ...labels };
}
