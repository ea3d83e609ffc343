import { audit } from '../../src/validate/audit';
import { Finding } from '../../src/validate/finding';
import { Rule } from '../../src/validate/rule';
import { clusterOf } from '../helpers';

/** Runs one rule over inline YAML and returns its findings. */
export function findingsOf(rule: Rule, yamlText: string): Finding[] {
  return audit(clusterOf(yamlText), { rules: [rule] });
}

/** Deployment YAML with pod labels and named container ports. */
export function deployment(name: string, labels: Record<string, string>, ports: Array<[number, string?, string?]> = [], namespace = 'default'): string {
  const portLines = ports.map(([n, pname, proto]) =>
    `        - containerPort: ${n}${pname ? `\n          name: ${pname}` : ''}${proto ? `\n          protocol: ${proto}` : ''}`).join('\n');
  const labelLines = Object.entries(labels).map(([k, v]) => `        ${k}: ${v}`).join('\n');
  return `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: ${namespace}}
spec:
  selector: {matchLabels: ${JSON.stringify(labels)}}
  template:
    metadata:
      labels:
${labelLines}
    spec:
      containers:
      - name: main
        image: example
        ports:${portLines ? '\n' + portLines : ' []'}
---
`;
}
