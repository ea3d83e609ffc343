import { IConstruct } from 'constructs';
import { sortedMap } from './labels';
import { workloadLabels } from './workload-labels';

/**
 * Which pods of its namespace a NetworkPolicy applies to: all of them, those
 * with some labels, or those of a workload construct (cdk8s-plus-28 or raw
 * ApiObject; labels read at synth time).
 */
export class PodSelector {
  /** Every pod of the namespace (`podSelector: {}`). */
  public static all(): PodSelector {
    return new PodSelector(() => ({}));
  }

  /** The pods of the namespace carrying every one of these labels. */
  public static pods(labels: { [key: string]: string }): PodSelector {
    const copy = { ...labels };
    return new PodSelector(() => copy);
  }

  /**
   * Old name of `PodSelector.pods`: the pods carrying every one of these labels.
   * @deprecated use `PodSelector.pods(labels)`, the same selector
   */
  public static labels(labels: { [key: string]: string }): PodSelector {
    return PodSelector.pods(labels);
  }

  /** The pods of a workload construct (it must be in the policy's namespace). */
  public static workload(workload: IConstruct): PodSelector {
    return new PodSelector(() => workloadLabels(workload), workload);
  }

  /** Labels produced at synth time. @internal */
  public static _lazy(produce: () => Record<string, string>): PodSelector {
    return new PodSelector(produce);
  }

  private constructor(private readonly produce: () => Record<string, string>, private readonly workload?: IConstruct) {}

  /** The workload construct this selector was built from, if any. @internal */
  public get _workload(): IConstruct | undefined {
    return this.workload;
  }

  /** The label map, resolved now (empty for every pod). */
  public resolveLabels(): { [key: string]: string } {
    return sortedMap(this.produce());
  }
}
