import { IConstruct } from 'constructs';
import { workloadLabels } from './workload-labels';

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
