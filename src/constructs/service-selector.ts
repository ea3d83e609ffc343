import { IConstruct } from 'constructs';
import { workloadLabels } from './workload-labels';

/**
 * Which pods of its namespace a Service sends traffic to: those of a
 * workload construct (a cdk8s-plus-28 workload or a raw ApiObject workload)
 * or those with some labels. There is no `all()`, as there is for
 * `PodSelector`: Kubernetes reads an empty Service selector as no selector
 * at all (endpoints then come from EndpointSlices).
 */
export class ServiceSelector {
  /** The pods of the Service's namespace carrying every one of these labels. */
  public static pods(labels: { [key: string]: string }): ServiceSelector {
    const copy = { ...labels };
    return new ServiceSelector(() => copy);
  }

  /**
   * Old name of `ServiceSelector.pods`: the pods carrying every one of these labels.
   * @deprecated use `ServiceSelector.pods(labels)`, the same selector
   */
  public static labels(labels: { [key: string]: string }): ServiceSelector {
    return ServiceSelector.pods(labels);
  }

  /**
   * The pods of a workload: a cdk8s-plus-28 workload (its `matchLabels`)
   * or a raw ApiObject whose pod template labels (or `spec.selector.matchLabels`)
   * are read at synth time, so labels added later still count. `Connections`
   * of the Service and of the workload then share one NetworkPolicy.
   */
  public static workload(workload: IConstruct): ServiceSelector {
    return new ServiceSelector(() => workloadLabels(workload), workload);
  }

  /**
   * Old name of `ServiceSelector.workload`: the pods of a workload.
   * @deprecated use `ServiceSelector.workload(workload)`, the same selector
   */
  public static fromWorkload(workload: IConstruct): ServiceSelector {
    return ServiceSelector.workload(workload);
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
