import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdk8s';
import { buildGuardrails } from '../../../examples/typescript/guardrails/main';
import { Port, Target, Traffic } from '../../../src';

function synthError(app: App): string {
  try {
    app.synth();
    return '';
  } catch (e) {
    return (e as Error).message;
  }
}

describe('synth-time expectations see the cluster-wide tiers', () => {
  test('the guardrails hold: metrics scrape allowed by the admin tier, team-b closed by the baseline', () => {
    const app = buildGuardrails(fs.mkdtempSync(path.join(os.tmpdir(), 'guardrails-')));
    const traffic = Traffic.of(app);
    traffic.expect(Target.workloadNamed('platform', 'prometheus')).canReach(Target.workloadNamed('team-a', 'api'), Port.tcp(9090));
    traffic.expect(Target.workloadNamed('team-a', 'web')).canReach(Target.serviceNamed('team-a', 'api'), Port.tcp(80));
    traffic.expect(Target.workloadNamed('team-a', 'api')).cannotReach(Target.workloadNamed('team-b', 'worker'));
    traffic.expect(Target.workloadNamed('team-b', 'worker')).cannotReach(Target.cidr('169.254.169.254/32'), Port.tcp(80));
    expect(synthError(app)).toBe('');
  });

  test('an expectation the admin tier contradicts fails synthesis', () => {
    const app = buildGuardrails(fs.mkdtempSync(path.join(os.tmpdir(), 'guardrails-')));
    Traffic.of(app).expect(Target.workloadNamed('platform', 'prometheus')).cannotReach(Target.workloadNamed('team-a', 'api'), Port.tcp(9090));
    expect(synthError(app)).toContain('ingress: AdminNetworkPolicy platform-guardrails (priority 10) ingress rule 0 "allow-metrics-scrape" allows it');
  });
});
