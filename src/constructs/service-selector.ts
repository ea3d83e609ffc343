import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';

/**
 * Which pods a Service sends traffic to. Build one from a workload (a
 * cdk8s-plus-28 workload or a raw ApiObject workload) or from a label map.
 */
export class ServiceSelector {
  /** Select pods carrying every one of these labels. */
  public static labels(labels: { [key: string]: string }): ServiceSelector {
    const copy = { ...labels };
    return new ServiceSelector(() => copy);
  }

  /**
   * Select the pods of a workload: a cdk8s-plus-28 workload (its `matchLabels`)
   * or a raw ApiObject whose pod template labels (or `spec.selector.matchLabels`)
   * are read at synth time, so labels added later still count.
   */
  public static fromWorkload(workload: IConstruct): ServiceSelector {
    return new ServiceSelector(() => workloadLabels(workload), workload);
  }

  private constructor(private readonly produce: () => Record<string, string>, private readonly workload?: IConstruct) {}

  /** The workload construct this selector was built from, if any. @internal */
  public get _workload(): IConstruct | undefined {
    return this.workload;
  }

  /** The label map, resolved now. */
  public resolveLabels(): { [key: string]: string } {
    return this.produce();
  }
}

/** Pod-selecting labels of a workload construct (cdk8s-plus-28 or raw ApiObject). */
export function workloadLabels(workload: IConstruct): Record<string, string> {
  const plus = workload as unknown as { matchLabels?: Record<string, string> };
  // An empty map (a cdk8s-plus workload built with `select: false`) would select every pod: read the pod template instead.
  if (plus.matchLabels && typeof plus.matchLabels === 'object' && Object.keys(plus.matchLabels).length > 0) return { ...plus.matchLabels };
  const api = workload instanceof ApiObject ? workload : workload.node.children.find(c => c instanceof ApiObject) as ApiObject | undefined;
  if (!api) throw new Error(`${workload.node.path}: not a workload (no ApiObject and no matchLabels)`);
  const json = api.toJson() as { kind?: string; metadata?: { labels?: Record<string, string> }; spec?: any };
  const labels = json.kind === 'Pod' ? json.metadata?.labels
    : json.spec?.selector?.matchLabels ?? json.spec?.template?.metadata?.labels ?? json.spec?.jobTemplate?.spec?.template?.metadata?.labels;
  if (!labels || Object.keys(labels).length === 0) {
    throw new Error(`${workload.node.path}: workload ${json.kind ?? ''} has no pod labels to select`);
  }
  return { ...labels };
}
