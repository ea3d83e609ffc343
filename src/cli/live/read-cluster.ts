import { spawnSync } from 'child_process';
import * as path from 'path';
import type { FetchAnswer, FetchRequest } from './fetch-child';
import { ManifestError } from '../../model/errors';
import { objectsOf, SourcedObject } from '../../model/manifest';

/** Where to read a live cluster from, as kubectl takes it. */
export interface LiveClusterOptions {
  readonly kubeconfig?: string;
  readonly context?: string;
  /** Items per list request. @default 500 */
  readonly pageSize?: number;
}

/** The objects of a running cluster, each sourced as `<context>:<plural>#<index>`, and notes (CRDs not installed). */
export interface LiveCluster {
  readonly objects: SourcedObject[];
  readonly notes: readonly string[];
}

/**
 * Lists the cluster's objects through the API server (GET requests only) in a
 * child process that loads @kubernetes/client-node, then hands them on as
 * plain objects: after this, live input goes through the same reader as files.
 * Problems (unreachable server, 401, 403, unknown context) are a one-line
 * ManifestError without credentials.
 */
export function readLiveCluster(options: LiveClusterOptions): LiveCluster {
  const request: FetchRequest = { kubeconfig: options.kubeconfig, context: options.context, pageSize: options.pageSize };
  const child = path.join(__dirname, `fetch-child${path.extname(__filename)}`);
  // From the TypeScript sources (tests, ts-node) the child needs ts-node; the built package runs plain JS.
  const args = __filename.endsWith('.ts') ? ['-r', 'ts-node/register/transpile-only', child] : [child];
  const r = spawnSync(process.execPath, args, {
    input: JSON.stringify(request),
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
    env: { ...process.env, TS_NODE_PROJECT: path.join(__dirname, '..', '..', '..', 'tsconfig.dev.json') },
  });
  let answer: FetchAnswer;
  try {
    answer = JSON.parse(r.stdout) as FetchAnswer;
  } catch {
    throw new ManifestError(`live cluster: the reader failed${r.error ? ` (${r.error.message})` : ''}`);
  }
  if ('error' in answer) throw new ManifestError(`live cluster: ${answer.error}`);
  const objects: SourcedObject[] = [];
  for (const list of answer.lists) {
    list.items.forEach((item, index) => {
      // List items carry no kind/apiVersion: they are the list's.
      const object = { ...item, apiVersion: list.apiVersion, kind: list.kind, metadata: (item.metadata as object | undefined) ?? {} };
      // The same checks (kind, apiVersion, metadata) as a decoded file's objects.
      for (const o of objectsOf(object, { file: `${answer.context}:${list.plural}`, index })) objects.push(o);
    });
  }
  return { objects, notes: answer.notes };
}
