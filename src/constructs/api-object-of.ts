import { ApiObject, Chart } from 'cdk8s';
import { IConstruct } from 'constructs';

/** Kinds whose pods a NetworkPolicy can select. */
const WORKLOAD_KINDS = new Set(['Pod', 'Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'ReplicationController']);

/**
 * The ApiObject a construct stands for: itself, a cdk8s-plus resource's
 * `apiObject`, our constructs' `apiObject`, or its only ApiObject child;
 * with `kind`, the first of those of that kind (a cdk8s-plus Service's
 * resource). `ApiObject.isApiObject`, not `instanceof`: an app may load two
 * copies of cdk8s (the library's and its own).
 */
export function apiObjectOf(c: IConstruct, kind?: string): ApiObject | undefined {
  const fits = (o: ApiObject) => kind === undefined || o.kind === kind;
  if (ApiObject.isApiObject(c)) return fits(c) ? c : undefined;
  const own = (c as unknown as { apiObject?: unknown }).apiObject;
  if (own && ApiObject.isApiObject(own) && fits(own)) return own;
  const children = c.node.children.filter(ApiObject.isApiObject).filter(fits);
  if (kind !== undefined) return children[0];
  return children.length === 1 ? children[0] : undefined;
}

export function isWorkloadKind(kind: string): boolean {
  return WORKLOAD_KINDS.has(kind);
}

/** Namespace an object lands in: an ApiObject's own metadata.namespace, else its chart's, else "default". */
export function namespaceOf(scope: IConstruct): string {
  return (ApiObject.isApiObject(scope) ? scope.metadata.namespace : undefined) ?? Chart.of(scope).namespace ?? 'default';
}

/**
 * The one-line error for a workload handed to the selector of a Service or
 * NetworkPolicy in another namespace: both select pods of their own namespace
 * only, so such a selector would silently select nothing. Undefined when the
 * workload is in `namespace` (or is no ApiObject we can place).
 */
export function workloadElsewhere(holderPath: string, field: string, workload: IConstruct, namespace: string, holder: string): string | undefined {
  const api = apiObjectOf(workload);
  if (!api || namespaceOf(api) === namespace) return undefined;
  return `${holderPath}: ${field}: workload ${namespaceOf(api)}/${api.name} is in another namespace; a ${holder} selects pods of its own namespace (${namespace}) only`;
}
