/**
 * The scenarios of kubernetes-sigs/ingress-controller-conformance (features/*.feature,
 * last changed 2021-04-27, Apache-2.0), re-expressed as data: per upstream feature and
 * scenario (and Scenario Outline example row), the requests sent and the status code and
 * serving Service the feature expects. Each feature's Ingress is a fixture under
 * test/fixtures/ingress-controller-conformance/. Where they come from: docs/conformance.md.
 */
export interface IngressRequest {
  readonly method: string;
  readonly url: string;
  readonly status: number;
  /** The Service that must serve the request, when the feature names one. */
  readonly service?: string;
}

export interface IngressScenario {
  /** The upstream scenario's title. */
  readonly scenario: string;
  /** The Scenario Outline example row, as `column=value` pairs. */
  readonly example?: string;
  readonly requests: readonly IngressRequest[];
  /** "The Ingress status should not contain the IP address or FQDN": another class's Ingress, served by nobody here. */
  readonly notExposed?: boolean;
}

export interface IngressFeature {
  /** The upstream feature's name. */
  readonly feature: string;
  /** features/<file> upstream. */
  readonly file: string;
  /** Fixture file holding the feature's Ingress. */
  readonly ingress: string;
  readonly scenarios: readonly IngressScenario[];
}

export const INGRESS_CONFORMANCE_FEATURES: readonly IngressFeature[] = [
  {
    feature: 'Default backend',
    file: 'default_backend.feature',
    ingress: 'default_backend.yaml',
    scenarios: [
      {
        scenario: 'An Ingress with no rules should send all requests to the default backend',
        example: 'method=GET host=my-host path=',
        requests: [{ method: 'GET', url: 'http://my-host/', status: 200, service: 'echo-service' }],
      },
      {
        scenario: 'An Ingress with no rules should send all requests to the default backend',
        example: 'method=GET host=my-host path=sub-path',
        requests: [{ method: 'GET', url: 'http://my-host/sub-path', status: 200, service: 'echo-service' }],
      },
      {
        scenario: 'An Ingress with no rules should send all requests to the default backend',
        example: 'method=POST host=some-host path=',
        requests: [{ method: 'POST', url: 'http://some-host/', status: 200, service: 'echo-service' }],
      },
      {
        scenario: 'An Ingress with no rules should send all requests to the default backend',
        example: 'method=PUT host= path=resource',
        requests: [{ method: 'PUT', url: 'http:///resource', status: 200, service: 'echo-service' }],
      },
      {
        scenario: 'An Ingress with no rules should send all requests to the default backend',
        example: 'method=DELETE host=some-host path=resource',
        requests: [{ method: 'DELETE', url: 'http://some-host/resource', status: 200, service: 'echo-service' }],
      },
      {
        scenario: 'An Ingress with no rules should send all requests to the default backend',
        example: 'method=PATCH host=my-host path=resource',
        requests: [{ method: 'PATCH', url: 'http://my-host/resource', status: 200, service: 'echo-service' }],
      },
    ],
  },
  {
    feature: 'Host rules',
    file: 'host_rules.feature',
    ingress: 'host_rules.yaml',
    scenarios: [
      {
        scenario: 'An Ingress with a host rule should send TLS traffic to the matching backend service',
        requests: [{ method: 'GET', url: 'https://foo.bar.com', status: 200, service: 'foo-bar-com' }],
      },
      {
        scenario: 'An Ingress with a host rule should send traffic to the matching backend service',
        requests: [{ method: 'GET', url: 'http://foo.bar.com', status: 200, service: 'foo-bar-com' }],
      },
      {
        scenario: 'An Ingress with a host rule should not route traffic when hostname does not match',
        requests: [{ method: 'GET', url: 'http://subdomain.bar.com', status: 404 }],
      },
      {
        scenario: 'An Ingress with a wildcard host rule should send traffic to the matching backend service',
        requests: [{ method: 'GET', url: 'http://bar.foo.com', status: 200, service: 'wildcard-foo-com' }],
      },
      {
        scenario: 'An Ingress with a wildcard host rule should not route traffic matching on more than a single dns label',
        requests: [{ method: 'GET', url: 'http://baz.bar.foo.com', status: 404 }],
      },
      {
        scenario: 'An Ingress with a wildcard host rule should not route traffic matching no dns label',
        requests: [{ method: 'GET', url: 'http://foo.com', status: 404 }],
      },
    ],
  },
  {
    feature: 'Ingress class',
    file: 'ingress_class.feature',
    ingress: 'ingress_class.yaml',
    scenarios: [
      {
        scenario: 'An Ingress with an invalid ingress class should not send traffic to the matching backend service',
        notExposed: true,
        requests: [],
      },
    ],
  },
  {
    feature: 'Load Balancing',
    file: 'load_balancing.feature',
    ingress: 'load_balancing.yaml',
    scenarios: [
      {
        scenario: 'An Ingress with no rules should send all requests to the default backend and',
        requests: [{ method: 'GET', url: 'http://load-balancing', status: 200 }],
      },
    ],
  },
  {
    feature: 'Path rules',
    file: 'path_rules.feature',
    ingress: 'path_rules.yaml',
    scenarios: [
      {
        scenario: 'An Ingress with exact path rules should send traffic to the matching backend service',
        requests: [{ method: 'GET', url: 'http://exact-path-rules/foo', status: 200, service: 'foo-exact' }],
      },
      {
        scenario: 'An Ingress with exact path rules should not match requests with trailing slash',
        requests: [{ method: 'GET', url: 'http://exact-path-rules/foo/', status: 404 }],
      },
      {
        scenario: 'An Ingress with exact path rules should be case sensitive',
        requests: [{ method: 'GET', url: 'http://exact-path-rules/FOO', status: 404 }],
      },
      {
        scenario: 'An Ingress with exact path rules should not match any other label',
        requests: [{ method: 'GET', url: 'http://exact-path-rules/bar', status: 404 }],
      },
      {
        scenario: 'An Ingress with prefix path rules should send traffic to the matching backend service',
        requests: [{ method: 'GET', url: 'http://prefix-path-rules/foo', status: 200, service: 'foo-prefix' }],
      },
      {
        scenario: 'An Ingress with prefix path rules should ignore the request trailing slash and send traffic to the matching backend service',
        requests: [{ method: 'GET', url: 'http://prefix-path-rules/foo/', status: 200, service: 'foo-prefix' }],
      },
      {
        scenario: 'An Ingress with prefix path rules should be case sensitive',
        requests: [{ method: 'GET', url: 'http://prefix-path-rules/FOO', status: 404 }],
      },
      {
        scenario: 'An Ingress with prefix path rules should match multiple labels, match the longest path, and send traffic to the matching backend service',
        requests: [{ method: 'GET', url: 'http://prefix-path-rules/aaa/bbb', status: 200, service: 'aaa-slash-bbb-prefix' }],
      },
      {
        scenario: 'An Ingress with prefix path rules should match multiple labels, match the longest path, and subpaths and send traffic to the matching backend service',
        requests: [{ method: 'GET', url: 'http://prefix-path-rules/aaa/bbb/ccc', status: 200, service: 'aaa-slash-bbb-prefix' }],
      },
      {
        scenario: 'An Ingress with prefix path rules should and send traffic to the matching backend service',
        requests: [{ method: 'GET', url: 'http://prefix-path-rules/aaa/ccc', status: 200, service: 'aaa-prefix' }],
      },
      {
        scenario: 'An Ingress with prefix path rules should match each labels string prefix',
        requests: [{ method: 'GET', url: 'http://prefix-path-rules/aaaccc', status: 404 }],
      },
      {
        scenario: 'An Ingress with prefix path rules should ignore the request trailing slash and send traffic to the matching backend service',
        requests: [{ method: 'GET', url: 'http://prefix-path-rules/foo/', status: 200, service: 'foo-prefix' }],
      },
      {
        scenario: 'An Ingress with mixed path rules should send traffic to the matching backend service where Exact is preferred',
        requests: [{ method: 'GET', url: 'http://mixed-path-rules/foo', status: 200, service: 'foo-exact' }],
      },
      {
        scenario: 'An Ingress with a trailing slashes in a prefix path rule should ignore the trailing slash and send traffic to the matching backend service',
        requests: [{ method: 'GET', url: 'http://trailing-slash-path-rules/aaa/bbb', status: 200, service: 'aaa-slash-bbb-slash-prefix' }],
      },
      {
        scenario: 'An Ingress with a trailing slashes in a prefix path rule should ignore the trailing slash and send traffic to the matching backend service',
        requests: [{ method: 'GET', url: 'http://trailing-slash-path-rules/aaa/bbb/', status: 200, service: 'aaa-slash-bbb-slash-prefix' }],
      },
      {
        scenario: 'An Ingress with a trailing slashes in an exact path rule should not match requests without a trailing slash',
        requests: [{ method: 'GET', url: 'http://trailing-slash-path-rules/foo', status: 404 }],
      },
    ],
  },
];
