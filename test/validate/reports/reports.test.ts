import * as fs from 'fs';
import Ajv from 'ajv-draft-04';
import { audit } from '../../../src/validate/audit';
import { AUDIT_RULES } from '../../../src/validate/packs/audit';
import { ValidationReport } from '../../../src/validate/report';
import { renderJson } from '../../../src/validate/reports/json';
import { renderMarkdown } from '../../../src/validate/reports/markdown';
import { renderSarif } from '../../../src/validate/reports/sarif';
import { renderText } from '../../../src/validate/reports/text';
import { clusterOf } from '../../helpers';

const YAML = `apiVersion: v1
kind: Service
metadata: {name: front, namespace: shop}
spec: {type: LoadBalancer, selector: {app: front}, ports: [{port: 443, targetPort: 8443}]}
---
apiVersion: v1
kind: Service
metadata:
  name: legacy
  namespace: shop
  annotations:
    traffic.cdk8s.io/suppress: "TRF-SVC-005: fixed address required by a partner | allow-listed"
spec: {externalIPs: [198.51.100.7], ports: [{port: 80}]}
`;

function report(): ValidationReport {
  const cluster = clusterOf(YAML, 'manifests/shop app.yaml');
  const findings = audit(cluster, { suppressions: [{ ruleId: 'TRF-NP-002', reason: 'kept for later', scope: '*' }] });
  return {
    findings,
    rules: AUDIT_RULES,
    expectations: [
      { description: 'Deployment shop/web can reach Service shop/api on TCP 80', passed: true, details: [], declaredAt: 'app/Traffic' },
      { description: 'Deployment shop/web cannot reach Deployment shop/db', passed: false, details: ['allowed on TCP 5432 by NetworkPolicy shop/db-in ingress rule 0'], declaredAt: 'app/Traffic' },
    ],
  };
}

describe('reports', () => {
  test('text names rule, object, location, field and fix; suppressed findings show their reason', () => {
    expect(renderText(report())).toMatchSnapshot();
  });

  test('JSON follows the documented schema', () => {
    const doc = JSON.parse(renderJson(report()));
    expect(Object.keys(doc)).toEqual(['version', 'summary', 'findings', 'expectations']);
    expect(doc.summary).toEqual({ errors: 0, warnings: 3, info: 0, suppressed: 1, expectationsPassed: 1, expectationsFailed: 1 });
    const legacy = doc.findings.find((f: any) => f.ruleId === 'TRF-SVC-005');
    expect(legacy).toEqual({
      ruleId: 'TRF-SVC-005',
      ruleName: 'external-ips-in-use',
      level: 'warning',
      message: expect.any(String),
      fix: expect.any(String),
      object: { kind: 'Service', namespace: 'shop', name: 'legacy', file: 'manifests/shop app.yaml', document: 1, constructPath: null },
      field: 'spec.externalIPs',
      suppressed: { reason: 'fixed address required by a partner | allow-listed', scope: 'Service shop/legacy' },
    });
    expect(doc.findings.map((f: any) => f.ruleId)).toEqual(['TRF-SUP-001', 'TRF-SVC-001', 'TRF-SVC-004', 'TRF-SVC-005']);
  });

  test('SARIF validates against the SARIF 2.1.0 JSON schema', () => {
    const schemaPath = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
    const schema = JSON.parse(fs.readFileSync(schemaPath, 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false });
    const validate = ajv.compile(schema);
    const log = JSON.parse(renderSarif(report()));
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    const results = log.runs[0].results;
    expect(results.find((x: any) => x.ruleId === 'TRF-SVC-005').suppressions).toEqual([
      { kind: 'external', justification: 'fixed address required by a partner | allow-listed', location: { logicalLocations: [{ fullyQualifiedName: 'Service shop/legacy' }] } },
    ]);
    expect(results.find((x: any) => x.ruleId === 'TRF-SVC-004').locations[0].physicalLocation.artifactLocation.uri).toBe('manifests/shop%20app.yaml');
    expect(results.filter((x: any) => x.ruleId === 'TRF-EXP-001').map((x: any) => x.kind)).toEqual(['pass', 'fail']);
    for (const r of results) expect(log.runs[0].tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
  });

  test('Markdown escapes table cells', () => {
    const md = renderMarkdown(report());
    expect(md).toContain('| TRF-SVC-005 | Service shop/legacy | Service shop/legacy | fixed address required by a partner \\| allow-listed |');
    expect(md).toMatchSnapshot();
  });
});
