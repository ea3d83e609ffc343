import * as fs from 'fs';
import * as path from 'path';
import { corpus } from './corpora';
import { routeStatus } from '../../src/engine/l7/gateway/attachment';
import { listenerSetStatus, listenerStatuses } from '../../src/engine/l7/gateway/listener-status';
import { routeThroughGateway } from '../../src/engine/l7/gateway/route-request';
import { parseRequest } from '../../src/engine/l7/request';
import { buildCluster, Cluster, parseManifests } from '../../src/model';

/**
 * Gateway API conformance (kubernetes-sigs/gateway-api v1.6.1) for ListenerSet,
 * re-expressed as in gateway-api.test.ts: manifests from the pinned release, expected
 * conditions and requests from upstream conformance/tests/listenerset-*.go.
 */
const DIR = corpus('gatewayApiConformance');
const INFRA = 'gateway-conformance-infra';

interface Case {
  readonly name: string;
  /** Gateway listener -> expected Accepted reason. */
  readonly gatewayListeners?: { readonly gateway: string; readonly listeners: Record<string, string> };
  /** `ns/name` (or name in the infra namespace) -> expected ListenerSet Accepted reason (`True` = accepted, any reason) and listener Accepted reasons. */
  readonly listenerSets?: Record<string, SetCond>;
  readonly requests?: readonly Req[];
  /** HTTPRoute name -> expected Accepted reason of its first parentRef. */
  readonly routes?: Record<string, string>;
}

interface SetCond {
  readonly accepted: string;
  /** Listener -> expected Accepted reason (Conflicted and Programmed must agree). */
  readonly listeners?: Record<string, string>;
  /** Listener -> expected ResolvedRefs reason. */
  readonly resolvedRefs?: Record<string, string>;
}

interface Req {
  readonly gateway: string;
  readonly host: string;
  readonly path: string;
  readonly backend?: string;
  readonly status?: number;
}

const ACCEPTED = 'Accepted';
const v1 = 'infra-backend-v1';
const v2 = 'infra-backend-v2';
const v3 = 'infra-backend-v3';
const HTTP_ROUTING_GW = 'gateway-with-listener-sets-http-routing';
const hosts = ['gateway-listener-1.com', 'gateway-listener-2.com', 'listener-set-http-routing-1-listener-1.com', 'listener-set-http-routing-1-listener-2.com',
  'listener-set-http-routing-2-listener-1.com', 'listener-set-http-routing-2-listener-2.com'];

const CASES: readonly Case[] = [
  {
    name: 'listenerset-protocol-conflict',
    gatewayListeners: { gateway: 'gateway-with-listenerset-protocol-conflict', listeners: { 'gateway-listener': ACCEPTED, 'protocol-conflict-with-gateway-listener': ACCEPTED } },
    listenerSets: {
      'listenerset-with-protocol-conflict-with-gateway-1': {
        accepted: 'True',
        listeners: { 'listener-set-1-listener': ACCEPTED, 'protocol-conflict-with-gateway-listener': 'ProtocolConflict', 'protocol-conflict-with-listener-set-listener': ACCEPTED },
      },
      'listenerset-with-protocol-conflict-with-gateway-2': { accepted: 'ListenersNotValid', listeners: { 'protocol-conflict-with-gateway-listener': 'ProtocolConflict' } },
      'listenerset-with-protocol-conflict-with-listener-set-1': { accepted: 'True', listeners: { 'listener-set-2-listener': ACCEPTED, 'protocol-conflict-with-listener-set-listener': 'ProtocolConflict' } },
      'listenerset-with-protocol-conflict-with-listener-set-2': { accepted: 'ListenersNotValid', listeners: { 'protocol-conflict-with-listener-set-listener': 'ProtocolConflict' } },
    },
  },
  {
    name: 'listenerset-hostname-conflict',
    gatewayListeners: { gateway: 'gateway-with-listenerset-hostname-conflict', listeners: { 'gateway-listener': ACCEPTED, 'hostname-conflict-with-gateway-listener': ACCEPTED } },
    listenerSets: {
      'listenerset-with-hostname-conflict-with-gateway-1': {
        accepted: 'True',
        listeners: { 'listener-set-1-listener': ACCEPTED, 'hostname-conflict-with-gateway-listener': 'HostnameConflict', 'hostname-conflict-with-listener-set-listener': ACCEPTED },
      },
      'listenerset-with-hostname-conflict-with-gateway-2': { accepted: 'ListenersNotValid', listeners: { 'hostname-conflict-with-gateway-listener': 'HostnameConflict' } },
    },
  },
  { name: 'listenerset-allowed-namespace-none', listenerSets: { 'listenerset-not-allowed': { accepted: 'NotAllowed' } } },
  { name: 'listenerset-default-not-allowed', listenerSets: { 'listenerset-default-not-allowed': { accepted: 'NotAllowed' } } },
  {
    name: 'listenerset-allowed-namespace-same',
    listenerSets: {
      'listenerset-in-same-namespace': { accepted: ACCEPTED, listeners: { 'listenerset-in-same-namespace-listener': ACCEPTED } },
      'gateway-api-listenerset-not-allowed-ns/listenerset-in-different-namespace': { accepted: 'NotAllowed' },
    },
  },
  {
    name: 'listenerset-allowed-namespace-selector',
    listenerSets: {
      'gateway-api-listenerset-selector-allowed-ns/listenerset-in-selected-namespace': { accepted: ACCEPTED, listeners: { 'listenerset-in-selected-namespace-listener': ACCEPTED } },
      'gateway-api-listenerset-selector-not-allowed-ns/listenerset-not-in-selected-namespace': { accepted: 'NotAllowed' },
    },
  },
  {
    name: 'listenerset-gateway-parent-section-name-not-found',
    routes: { 'route-via-listenerset': ACCEPTED, 'route-via-gateway': 'NoMatchingParent' },
  },
  {
    name: 'listenerset-route-status-scoped-to-parentref',
    routes: { 'route-parentref-gwonly': ACCEPTED, 'route-parentref-lsonly': ACCEPTED },
    listenerSets: { 'listenerset-parentref': { accepted: ACCEPTED, listeners: { 'listenerset-parentref-listener': ACCEPTED } } },
  },
  {
    name: 'listenerset-reference-grant',
    listenerSets: {
      'listenerset-with-reference-grant': { accepted: 'True', resolvedRefs: { 'listenerset-with-reference-grant-listener': 'ResolvedRefs' } },
      'gateway-api-listener-sets-test-reference-grant-ns/listenerset-without-reference-grant': {
        accepted: 'ListenersNotValid', resolvedRefs: { 'listenerset-without-reference-grant-listener': 'RefNotPermitted' },
      },
    },
  },
  {
    name: 'listenerset-http-routing',
    requests: [
      ...hosts.map(host => ({ gateway: HTTP_ROUTING_GW, host, path: '/route', backend: v1 })),
      ...hosts.map((host, i) => (i < 2 ? { gateway: HTTP_ROUTING_GW, host, path: '/gateway-route', backend: v2 } : { gateway: HTTP_ROUTING_GW, host, path: '/gateway-route', status: 404 })),
      ...hosts.map((host, i) => (i < 1 ? { gateway: HTTP_ROUTING_GW, host, path: '/gateway-section-route', backend: v3 } : { gateway: HTTP_ROUTING_GW, host, path: '/gateway-section-route', status: 404 })),
    ],
  },
];

const qualify = (n: string) => (n.includes('/') ? n : `${INFRA}/${n}`);

function clusterFor(c: Case): Cluster {
  const base = fs.readFileSync(path.join(DIR, 'base', 'manifests.yaml'), 'utf8');
  const extra = fs.readFileSync(path.join(DIR, 'tests', `${c.name}.yaml`), 'utf8');
  return buildCluster([...parseManifests(base, 'base/manifests.yaml'), ...parseManifests(extra, `tests/${c.name}.yaml`)]);
}

function check(cluster: Cluster, c: Case): { id: string; problem?: string }[] {
  const out: { id: string; problem?: string }[] = [];
  if (c.gatewayListeners) {
    const gw = cluster.gateways.find(g => `${g.namespace}/${g.name}` === qualify(c.gatewayListeners!.gateway))!;
    const st = listenerStatuses(cluster, gw);
    for (const [name, want] of Object.entries(c.gatewayListeners.listeners)) {
      const got = st.find(l => l.name === name)?.accepted.reason;
      out.push({ id: `${c.name} gateway listener ${name}`, problem: got === want ? undefined : `Accepted reason ${got}` });
    }
  }
  for (const [ref, want] of Object.entries(c.listenerSets ?? {})) {
    const ls = cluster.listenerSets.find(x => `${x.namespace}/${x.name}` === qualify(ref));
    if (!ls) {
      out.push({ id: `${c.name} ListenerSet ${ref}`, problem: 'not in the manifests' });
      continue;
    }
    const st = listenerSetStatus(cluster, ls);
    const ok = want.accepted === 'True' ? st.accepted.status === 'True' : st.accepted.reason === want.accepted;
    out.push({ id: `${c.name} ListenerSet ${ref}`, problem: ok ? undefined : `Accepted ${st.accepted.status} ${st.accepted.reason}: ${st.accepted.message}` });
    for (const [name, reason] of Object.entries(want.listeners ?? {})) {
      const l = st.listeners.find(x => x.name === name);
      const conflictOk = reason === ACCEPTED ? l?.conflicted.status === 'False' && l.programmed.status === 'True' : l?.conflicted.reason === reason && l.programmed.reason === reason;
      out.push({ id: `${c.name} ListenerSet ${ref} listener ${name}`, problem: l?.accepted.reason === reason && conflictOk ? undefined : `Accepted reason ${l?.accepted.reason}, Programmed ${l?.programmed.reason}` });
    }
  }
  for (const [name, want] of Object.entries(c.routes ?? {})) {
    const route = cluster.httpRoutes.find(x => x.namespace === INFRA && x.name === name);
    const got = route && routeStatus(cluster, route)[0]?.accepted.reason;
    out.push({ id: `${c.name} route ${name}`, problem: got === want ? undefined : `Accepted reason ${got}` });
  }
  for (const [ref, want] of Object.entries(c.listenerSets ?? {})) {
    const ls = cluster.listenerSets.find(x => `${x.namespace}/${x.name}` === qualify(ref));
    const st = ls && listenerSetStatus(cluster, ls);
    for (const [name, reason] of Object.entries(want.resolvedRefs ?? {})) {
      const got = st?.listeners.find(x => x.name === name)?.resolvedRefs.reason;
      out.push({ id: `${c.name} ListenerSet ${ref} listener ${name} ResolvedRefs`, problem: got === reason ? undefined : `ResolvedRefs reason ${got}` });
    }
  }
  for (const r of c.requests ?? []) {
    const gw = cluster.gateways.find(g => `${g.namespace}/${g.name}` === qualify(r.gateway))!;
    const a = routeThroughGateway(cluster, gw, parseRequest(`http://${r.host}${r.path}`));
    const live = a.backends.filter(b => b.percent > 0 && !b.problem).map(b => b.target);
    const ok = r.backend ? a.status === 200 && live.length === 1 && live[0] === qualify(r.backend) : a.status === r.status;
    out.push({ id: `${c.name} request ${r.host}${r.path}`, problem: ok ? undefined : `got status ${a.status}, backends ${live.join(',') || 'none'}` });
  }
  return out;
}

describe('gateway-api conformance: ListenerSet', () => {
  test('every re-expressed upstream ListenerSet case agrees', () => {
    const results = CASES.flatMap(c => check(clusterFor(c), c));
    const agree = results.filter(r => !r.problem).length;
    // eslint-disable-next-line no-console
    console.log(`gateway-api ListenerSet conformance: ${agree} agree / ${results.length} cases`);
    expect(results.filter(r => r.problem).map(r => `${r.id}: ${r.problem}`)).toEqual([]);
  });
});
