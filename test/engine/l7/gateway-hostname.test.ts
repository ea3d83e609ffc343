import { hostnameMatches, intersectHostnames } from '../../../src/engine/l7/gateway/hostname';
import { clusterOf } from '../../helpers';

describe('Gateway API hostnames', () => {
  test('a wildcard matches one or more labels but not the bare suffix', () => {
    expect(hostnameMatches('*.example.com', 'a.example.com')).toBe(true);
    expect(hostnameMatches('*.example.com', 'a.b.example.com')).toBe(true);
    expect(hostnameMatches('*.example.com', 'example.com')).toBe(false);
    expect(hostnameMatches('foo.example.com', 'foo.example.com')).toBe(true);
    expect(hostnameMatches('foo.example.com', 'bar.example.com')).toBe(false);
  });

  test('intersection keeps the more specific side', () => {
    expect(intersectHostnames(undefined, [])).toBeUndefined();
    expect(intersectHostnames('a.example.com', [])).toEqual(['a.example.com']);
    expect(intersectHostnames(undefined, ['x.com'])).toEqual(['x.com']);
    expect(intersectHostnames('*.example.com', ['a.example.com', 'other.org'])).toEqual(['a.example.com']);
    expect(intersectHostnames('a.example.com', ['*.example.com'])).toEqual(['a.example.com']);
    expect(intersectHostnames('*.example.com', ['*.foo.example.com'])).toEqual(['*.foo.example.com']);
    expect(intersectHostnames('*.foo.example.com', ['*.example.com'])).toEqual(['*.foo.example.com']);
    expect(intersectHostnames('very.specific.com', ['*.specific.com', 'non.matching.com'])).toEqual(['very.specific.com']);
    expect(intersectHostnames('*.wildcard.io', ['wildcard.io'])).toEqual([]);
  });
});

describe('Gateway API hostname validation', () => {
  test('an IP address or a wildcard inside the name is rejected with the field path', () => {
    const route = (h: string) => `
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: r, namespace: app}
spec: {hostnames: [ok.example.com, "${h}"]}
`;
    expect(() => clusterOf(route('10.0.0.1'), 'r.yaml')).toThrow('r.yaml#0 HTTPRoute app/r: spec.hostnames[1]: "10.0.0.1" is not a valid hostname');
    expect(() => clusterOf(route('a.*.example.com'), 'r.yaml')).toThrow('spec.hostnames[1]: "a.*.example.com" is not a valid hostname');
    expect(clusterOf(route('*.example.com')).httpRoutes[0].hostnames).toEqual(['ok.example.com', '*.example.com']);
  });
});
