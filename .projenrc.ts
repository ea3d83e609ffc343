import { cdk8s, javascript, JsonFile } from 'projen';

// Versions are pinned explicitly: projen's own new-project defaults still point at cdk8s v1.
const CDK8S_VERSION = '2.70.0';
const CONSTRUCTS_VERSION = '10.3.0';
const CDK8S_PLUS_VERSION = '2.5.6';

const project = new cdk8s.ConstructLibraryCdk8s({
  name: 'cdk8s-traffic',
  description:
    'Typed cdk8s constructs for Services, Ingress, Gateway API and NetworkPolicy, with a traffic engine that proves connectivity at synth time.',
  keywords: ['cdk8s', 'kubernetes', 'networkpolicy', 'gateway-api', 'ingress', 'service', 'traffic'],
  author: 'cdk8s-traffic authors',
  authorAddress: 'maintainers@cdk8s-traffic.dev',
  repositoryUrl: 'https://github.com/cdk8s-traffic/cdk8s-traffic.git',
  defaultReleaseBranch: 'main',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  github: false,
  release: false,

  cdk8sVersion: CDK8S_VERSION,
  constructsVersion: CONSTRUCTS_VERSION,
  jsiiVersion: '~5.9.0',
  typescriptVersion: '~5.9.0',

  peerDeps: [`cdk8s-plus-28@^${CDK8S_PLUS_VERSION}`],
  devDeps: [
    `cdk8s-plus-28@${CDK8S_PLUS_VERSION}`,
    'ajv@^8',
    'ajv-formats@^3',
    '@types/sarif@^2',
    '@types/js-yaml@^4',
    // Ships the SARIF 2.1.0 JSON schema (draft-04) that the SARIF report test validates against.
    '@microsoft/jest-sarif@1.0.0-beta.0',
    'ajv-draft-04@^1',
    // Drives the Debian chromium package (never a browser of its own) for `npm run test:browser`.
    'playwright-core@^1.65.1',
  ],
  // Runtime dependencies are bundled into the jsii package (jsii requirement).
  // js-yaml: the fast path of the reader (about ten times faster than yaml's document
  // model; bench/profile.md has the figures).
  // yaml: YAML 1.2 parser with alias-expansion limits (YAML bomb protection) and
  // node positions: the careful path for documents whose aliases expand too far or
  // that js-yaml rejects.
  // ipaddr.js: small, dependency-free IPv4/IPv6 parser for CIDR math.
  // commander: the de-facto small CLI parser for Node.
  // cytoscape + elkjs: inlined into the HTML report (validate -o html, ReportFormat.HTML), never
  // loaded by Node. cytoscape draws and handles pan/zoom/click with compound nodes (namespaces as
  // groups); elkjs (Eclipse Layout Kernel) lays the graph out in layers, left to right, so the entry
  // path reads external -> Gateway/Ingress -> route -> Service -> pods, and the same input always
  // gets the same picture (ELK layered is deterministic; force-directed layouts are seeded by chance).
  // @kubernetes/client-node: the official client, for live-cluster input (kubeconfig contexts, exec/OIDC
  // credentials, TLS, paging); ESM-only, so the CLI loads it in a child process (src/cli/live/). 1.4: 2.x
  // needs Node 22 (its undici uses zlib zstd), and the library supports Node 20.
  bundledDeps: ['js-yaml@^4.1.0', 'yaml@^2.9.1', 'ipaddr.js@^2.2.0', 'commander@^12', 'cytoscape@^3.34.4', 'elkjs@^0.12.1', '@kubernetes/client-node@~1.4.0'],

  publishToPypi: {
    distName: 'cdk8s-traffic',
    module: 'cdk8s_traffic',
  },

  bin: { 'cdk8s-traffic': 'lib/cli/bin.js' },

  jestOptions: {
    // Snapshots must fail on mismatch (the test task also runs jest with --ci).
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    jestConfig: {
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      collectCoverage: false,
      testTimeout: 120_000,
    },
  },
  eslintOptions: {
    dirs: ['src'],
    devdirs: ['test', 'conformance', 'examples', 'bench', 'scripts'],
    projectService: false,
    tsconfigPath: './tsconfig.dev.json',
    ignorePatterns: ['src/imports/**', '*.d.ts', 'node_modules/', 'bench/out/**', '**/dist/**', '.tmp/**'],
  },
  gitignore: ['/examples/*/dist/', '/examples/**/dist/', '/.venv/', '__pycache__/', '/bench/out/', '/.tmp/'],

});

// DefinitelyTyped publishes no ts5.9 tag for @types/node; pin the Node major we target.
project.deps.removeDependency('@types/node');
project.addDevDeps('@types/node@^20');

// Type-checks and runs everything that is not library source (examples, bench, scripts) with ts-node.
new JsonFile(project, 'tsconfig.dev.json', {
  obj: {
    extends: './tsconfig.json',
    compilerOptions: { rootDir: '.', noEmit: true, noUnusedLocals: false, noUnusedParameters: false },
    include: ['.projenrc.ts', 'projenrc/**/*.ts', 'src/**/*.ts', 'test/**/*.ts', 'examples/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts', 'conformance/**/*.ts'],
    exclude: ['node_modules', '**/dist/**'],
  },
});

// jest must run with --ci so that a missing snapshot is a failure, never written.
project.testTask.reset();
project.testTask.exec('jest --ci --passWithNoTests=false', { receiveArgs: true });
project.testTask.spawn(project.tasks.tryFind('eslint')!);
// No snapshot-updating task in package.json: snapshots change only by a deliberate `npx jest -u <file>`, reviewed as a diff.
project.tasks.removeTask('test:update');

const tsNode = 'ts-node --transpile-only --project tsconfig.dev.json';

project.addTask('demo', {
  description: 'Synthesize the example shop and print its Services, connectivity and audit',
  steps: [
    { exec: `${tsNode} examples/typescript/shop/main.ts examples/typescript/shop/dist` },
    { say: 'Services and the workloads behind them' },
    { exec: `${tsNode} src/cli/bin.ts services examples/typescript/shop/dist` },
    { say: 'Connectivity (who can reach whom, on which pod port)' },
    { exec: `${tsNode} src/cli/bin.ts list examples/typescript/shop/dist` },
    { say: 'Why web can reach api on the Service port 80' },
    { exec: `${tsNode} src/cli/bin.ts explain --from shop/web --to svc:shop/api --port 80 examples/typescript/shop/dist` },
    { say: 'Audit' },
    { exec: `${tsNode} src/cli/bin.ts validate examples/typescript/shop/dist` },
  ],
});

// The CLI from source, for use inside this repository (an app that installs the package runs
// `npx cdk8s-traffic` instead): `npm run --silent cli -- list dist/`.
project.addTask('cli', {
  description: 'Run the cdk8s-traffic CLI from source',
  exec: `${tsNode} src/cli/bin.ts`,
  receiveArgs: true,
});

project.addTask('bench', {
  description: 'Run the benchmarks (not part of the test command)',
  exec: `${tsNode} bench/run.ts`,
  receiveArgs: true,
});

// The upstream agreement suites, fed by pinned releases (conformance/pins/*/go.mod + go.sum) that
// conformance/run.ts fetches through the Go module proxy; not part of `npm test`, which needs Node only.
new JsonFile(project, 'conformance/jest.config.json', {
  obj: {
    rootDir: '..',
    testMatch: ['<rootDir>/conformance/test/**/*.test.ts'],
    testTimeout: 120_000,
    clearMocks: true,
    transform: { '^.+\\.[t]sx?$': ['ts-jest', { tsconfig: 'test/tsconfig.json' }] },
    reporters: ['default', ['jest-junit', { outputDirectory: 'test-reports', outputName: 'conformance-junit.xml' }]],
  },
});
project.addTask('conformance', {
  description: 'Upstream conformance suites from pinned releases (needs Go to fetch them)',
  exec: `${tsNode} conformance/run.ts`,
  receiveArgs: true,
});

// The HTML report in a real browser; kept out of `npm test`, which stays Node-only. Chromium comes
// from the Debian package (.ci/run installs it as root); nothing downloads a browser.
project.addTask('test:browser', {
  description: 'Open the zero-trust HTML report in headless Chromium (/usr/bin/chromium) and check what it renders',
  exec: `${tsNode} test/browser/html-report.ts`,
  receiveArgs: true,
});

project.addTask('bench:html', {
  description: 'Size of the HTML report and its behaviour in headless Chromium, zero-trust example and 5,000-workload cluster (writes bench/html-report.md)',
  exec: `${tsNode} bench/html-report.ts`,
});

// The synth adapter (src/constructs/synth-adapter.ts) reaches into cdk8s's App and
// ApiObject: its test runs against the lowest supported cdk8s and the newest 2.x.
project.addTask('test:cdk8s-compat', {
  description: 'Run the synth adapter test against cdk8s 2.70.0 and the newest cdk8s 2.x (installed into .tmp/)',
  exec: 'bash scripts/cdk8s-compat.sh',
  receiveArgs: true,
});

project.addTask('fuzz', {
  description: 'Differential fuzzing of the engine against the brute-force oracle',
  exec: `${tsNode} scripts/fuzz.ts`,
  receiveArgs: true,
});

// A real kube-apiserver (built from the Go module proxy by scripts/apiserver/build.sh, kept in a
// user cache folder) checks what we synthesize; not part of `npm test`: it needs Go and minutes.
// One server for all its suites (global setup), which run one at a time.
new JsonFile(project, 'test/apiserver/jest.config.json', {
  obj: {
    rootDir: '../..',
    testMatch: ['<rootDir>/test/apiserver/**/*.apiserver.ts'],
    globalSetup: '<rootDir>/test/apiserver/global-setup.ts',
    globalTeardown: '<rootDir>/test/apiserver/global-teardown.ts',
    testTimeout: 900_000,
    transform: { '^.+\\.[t]sx?$': ['ts-jest', { tsconfig: 'test/tsconfig.json' }] },
    reporters: ['default', ['jest-junit', { outputDirectory: 'test-reports', outputName: 'apiserver-junit.xml' }]],
  },
});
project.addTask('test:apiserver', {
  description: 'Dry-run every example against a real kube-apiserver, and compare construct validation with the server\'s (needs Go)',
  steps: [
    { exec: 'bash scripts/apiserver/build.sh >/dev/null' },
    { exec: 'jest --ci --runInBand --config test/apiserver/jest.config.json', receiveArgs: true },
  ],
});

for (const p of ['/examples/', '/bench/', '/scripts/', '/docs/', '/.ci/', '/conformance/']) {
  project.addPackageIgnore(p);
}

project.synth();
