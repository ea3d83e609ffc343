import { Protocol } from '../../src/model/cluster';
import { KubeObject } from '../../src/model/manifest';

export const NAMESPACES = ['x', 'y', 'z'] as const;

/** Upstream's container port name for a port and protocol: `serve-80-tcp`. */
export function portName(port: number, protocol: Protocol): string {
  return `serve-${port}-${protocol.toLowerCase()}`;
}

/**
 * The upstream topology: namespaces x, y, z; pods `ns/name` labelled
 * `pod: name`, with one container per (port, protocol) serving a named port.
 */
export function topology(pods: readonly string[], ports: readonly number[], protocols: readonly Protocol[],
  labels: { namespaces?: Record<string, Record<string, string>>; pods?: Record<string, Record<string, string>> } = {}): KubeObject[] {
  const out: KubeObject[] = NAMESPACES.map(ns => ({
    apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns, labels: { ns, ...(labels.namespaces?.[ns] ?? {}) } },
  }));
  for (const p of pods) {
    const [ns, name] = p.split('/');
    out.push({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: ns, labels: labels.pods?.[p] ?? { pod: name } },
      spec: {
        containers: ports.flatMap(port => protocols.map(protocol => ({
          name: `cont-${port}-${protocol.toLowerCase()}`,
          image: 'agnhost',
          ports: [{ containerPort: port, name: portName(port, protocol), protocol }],
        }))),
      },
    });
  }
  return out;
}

type Json = Record<string, unknown>;

/**
 * A NetworkPolicy as the upstream helpers build it: giving `ingress` (even
 * empty) sets spec.ingress and adds Ingress to policyTypes; likewise `egress`,
 * in the order given.
 */
export function policy(ns: string, name: string, podSelector: Json, rules: { ingress?: Json[]; egress?: Json[]; policyTypes?: string[] },
): KubeObject {
  const spec: Json = { podSelector };
  const types: string[] = [];
  for (const key of Object.keys(rules)) {
    if (key === 'ingress' && rules.ingress) { spec.ingress = rules.ingress; types.push('Ingress'); }
    if (key === 'egress' && rules.egress) { spec.egress = rules.egress; types.push('Egress'); }
  }
  spec.policyTypes = rules.policyTypes ?? types;
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace: ns }, spec };
}

export const matchLabels = (labels: Record<string, string>): Json => ({ matchLabels: labels });
export const ALL: Json = {};
export const nsName = (ns: string): Json => matchLabels({ 'kubernetes.io/metadata.name': ns });
