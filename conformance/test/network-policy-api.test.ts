import * as fs from 'fs';
import * as path from 'path';
import { corpus } from './corpora';
import { NETWORK_POLICY_API_CASES, ConformanceCase } from './network-policy-api.cases';
import { allowedConnections, podOf } from '../../src/engine/netpol';
import { buildCluster, Cluster, parseManifests, Protocol, SourcedObject } from '../../src/model';

/*
 * The network-policy-api conformance suite (AdminNetworkPolicy /
 * BaselineAdminNetworkPolicy v1alpha1 from v0.1.7, ClusterNetworkPolicy v1beta1 from v0.3.0),
 * replayed offline: every probe of every run must get the upstream verdict.
 */

const NS_PREFIX = 'network-policy-conformance-';
const PROBE = /^([\w-]+)\/([\w-]+) (tcp|udp|sctp) -> ([\w-]+)\/([\w-]+):(\d+) (connects|blocked)$/;

interface Tally { agree: number; total: number; skipped: number; disagreements: string[] }
const tally: Tally = { agree: 0, total: 0, skipped: 0, disagreements: [] };

type Json = Record<string, any>;

/** The pinned release each suite's manifests come from. */
const RELEASES: Record<ConformanceCase['suite'], string> = {
  'v0.1.7': corpus('networkPolicyApiV1alpha1'),
  'v0.3.0': corpus('networkPolicyApi'),
};

function load(c: ConformanceCase): SourcedObject[] {
  const base = path.join(RELEASES[c.suite], 'conformance', 'base');
  const files = ['manifests.yaml', c.manifest];
  // Deep copies: the runs mutate objects as the upstream suite patches live ones.
  return files.flatMap(f => parseManifests(renderHostPorts(fs.readFileSync(path.join(base, f), 'utf8')), f))
    .map(o => ({ source: o.source, object: JSON.parse(JSON.stringify(o.object)) }));
}

/**
 * The v1alpha2 manifests template the host-network server ports
 * (`{{ index .HostNetworkPorts N }}`); only the skipped node-peer runs probe
 * them, so any distinct ports do.
 */
function renderHostPorts(text: string): string {
  return text.replace(/\{\{ index \.HostNetworkPorts (\d+) \}\}/g, (_m, n) => String(36363 + Number(n)));
}

function policy(objects: SourcedObject[], name: string): Json {
  const o = objects.find(x => x.object.apiVersion.startsWith('policy.networking.k8s.io/') && x.object.metadata.name === name);
  if (!o) throw new Error(`no policy named ${name}`);
  return o.object as Json;
}

function rules(p: Json, direction: string): Json[] {
  return p.spec[direction];
}

/** Applies one mutation step; returns false when the step is a probe. */
function mutate(objects: SourcedObject[], step: string): boolean {
  const [verb, ...args] = step.split(' ');
  switch (verb) {
    case 'swap': {
      const list = rules(policy(objects, args[0]), args[1]);
      const [i, j] = [Number(args[2]), Number(args[3])];
      [list[i], list[j]] = [list[j], list[i]];
      return true;
    }
    case 'action':
      rules(policy(objects, args[0]), args[1])[Number(args[2])].action = args[3];
      return true;
    case 'priority':
      policy(objects, args[0]).spec.priority = Number(args[1]);
      return true;
    case 'named-port': {
      const p = policy(objects, args[0]);
      const rule = rules(p, args[1])[Number(args[2])];
      if (p.apiVersion.endsWith('/v1alpha1')) {
        rule.ports = [{ namedPort: args[3] }];
      } else {
        rule.protocols = [{ destinationNamedPort: args[3] }];
      }
      return true;
    }
    case 'delete': {
      const [ns, name] = args[1].split('/');
      const meta = (o: SourcedObject) => o.object.metadata;
      const i = objects.findIndex(o => o.object.kind === args[0] && meta(o).namespace === NS_PREFIX + ns && meta(o).name === name);
      if (i < 0) throw new Error(`nothing to delete: ${step}`);
      objects.splice(i, 1);
      return true;
    }
    case 'namespace-labels': {
      const ns = objects.find(o => o.object.kind === 'Namespace' && o.object.metadata.name === NS_PREFIX + args[0])!;
      const [k, v] = args[1].split('=');
      (ns.object.metadata as Json).labels = { [k]: v };
      return true;
    }
    default:
      return false;
  }
}

/** `harry-potter-0` is a replica of the StatefulSet `harry-potter`. */
function podOfReplica(cluster: Cluster, ns: string, pod: string) {
  const name = pod.replace(/-\d+$/, '');
  const w = cluster.workloads.find(x => x.namespace === NS_PREFIX + ns && x.name === name);
  if (!w) throw new Error(`no workload for ${ns}/${pod}`);
  return podOf(w);
}

function replay(c: ConformanceCase): string[] {
  const objects = load(c);
  const wrong: string[] = [];
  let cluster: Cluster | undefined;
  for (const run of c.runs) {
    const probes = run.steps.filter(s => PROBE.test(s)).length;
    if (run.skip) {
      tally.skipped += probes;
      continue;
    }
    for (const step of run.steps) {
      if (mutate(objects, step)) {
        cluster = undefined;
        continue;
      }
      const m = PROBE.exec(step);
      if (!m) throw new Error(`unreadable step: ${step}`);
      cluster ??= buildCluster(objects);
      const src = podOfReplica(cluster, m[1], m[2]);
      const dst = podOfReplica(cluster, m[4], m[5]);
      const got = allowedConnections(cluster, src, dst).allows(m[3].toUpperCase() as Protocol, Number(m[6]));
      tally.total++;
      if (got === (m[7] === 'connects')) tally.agree++;
      else wrong.push(`${c.suite} ${c.test} / ${run.run}: ${step} (got ${got ? 'connects' : 'blocked'})`);
    }
  }
  tally.disagreements.push(...wrong);
  return wrong;
}

describe('network-policy-api conformance', () => {
  afterAll(() => {
    // eslint-disable-next-line no-console
    console.log(`network-policy-api conformance: ${tally.agree} agree / ${tally.total} (${tally.skipped} probes not evaluable offline)`);
  });

  test.each(NETWORK_POLICY_API_CASES.map(c => [`${c.suite} ${c.test}`, c] as const))('%s', (_name, c) => {
    expect(replay(c)).toEqual([]);
  });

  test('covers at least 60 probes in each API version', () => {
    for (const suite of ['v0.1.7', 'v0.3.0']) {
      const probes = NETWORK_POLICY_API_CASES.filter(c => c.suite === suite)
        .flatMap(c => c.runs.filter(r => !r.skip).flatMap(r => r.steps.filter(s => PROBE.test(s))));
      expect(probes.length).toBeGreaterThanOrEqual(60);
    }
  });
});
