import { SourceRef } from './errors';

/** A Kubernetes object as plain JSON, with where it came from. */
export interface KubeObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: KubeMetadata;
  readonly [field: string]: unknown;
}

export interface KubeMetadata {
  readonly name?: string;
  readonly generateName?: string;
  readonly namespace?: string;
  readonly labels?: Record<string, string>;
  readonly annotations?: Record<string, string>;
  readonly creationTimestamp?: string;
  readonly [field: string]: unknown;
}

/** An object plus its source location. */
export interface SourcedObject {
  readonly object: KubeObject;
  readonly source: SourceRef;
}
