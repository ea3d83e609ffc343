// Runs in a child process of the CLI (see read-cluster.ts): @kubernetes/client-node is ESM-only and the
// CLI is synchronous. Reads a request on stdin, lists every LIVE_RESOURCES kind with GET requests only,
// and writes one JSON answer on stdout. Never writes credentials: errors are built from status codes,
// resource names and the server URL.
import * as http from 'http';
import * as https from 'https';
import { LIVE_RESOURCES, LiveResource } from './resources';

export interface FetchRequest {
  readonly kubeconfig?: string;
  readonly context?: string;
  /** Items per page (the `limit` of each list request). */
  readonly pageSize?: number;
}

export interface FetchedList {
  readonly apiVersion: string;
  readonly kind: string;
  readonly plural: string;
  readonly items: readonly Record<string, unknown>[];
}

export type FetchAnswer =
  | { readonly context: string; readonly server: string; readonly lists: readonly FetchedList[]; readonly notes: readonly string[] }
  | { readonly error: string };

/** A native dynamic import (TypeScript would turn `import()` into `require` under CommonJS). */
const importEsm = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<any>;

class HttpError extends Error {
  constructor(public readonly status: number, public readonly path: string) {
    super(`HTTP ${status}`);
  }
}

async function fetchAll(req: FetchRequest): Promise<FetchAnswer> {
  const k8s = await importEsm('@kubernetes/client-node');
  const kc = new k8s.KubeConfig();
  try {
    if (req.kubeconfig) kc.loadFromFile(req.kubeconfig);
    else kc.loadFromDefault();
  } catch (e) {
    return { error: `cannot read the kubeconfig${req.kubeconfig ? ` ${req.kubeconfig}` : ''}: ${firstLine(e)}` };
  }
  if (req.context) {
    if (!kc.getContextObject(req.context)) return { error: `no context "${req.context}" in the kubeconfig` };
    kc.setCurrentContext(req.context);
  }
  const context = kc.getCurrentContext();
  const cluster = kc.getCurrentCluster();
  if (!cluster) return { error: `the kubeconfig's context "${context}" names no cluster` };
  const server = cluster.server.replace(/\/+$/, '');
  const opts: https.RequestOptions = {};
  try {
    await kc.applyToHTTPSOptions(opts);
  } catch (e) {
    return { error: `cannot get credentials for context "${context}": ${firstLine(e)}` };
  }

  const get = (path: string) => getJson(server, path, opts);
  const notes: string[] = [];
  const lists: FetchedList[] = [];
  const served = new Map<string, Promise<Set<string> | undefined>>();
  /** Plurals served in group/version (discovery, a GET every authenticated user may do); undefined = not served. */
  const servedPlurals = (group: string, version: string) => {
    const key = `${group}/${version}`;
    if (!served.has(key)) {
      served.set(key, get(`/apis/${group}/${version}`)
        .then(doc => new Set(((doc.resources as { name: string }[] | undefined) ?? []).map(r => r.name)))
        .catch(e => {
          if (e instanceof HttpError && e.status === 404) return undefined;
          throw e;
        }));
    }
    return served.get(key)!;
  };

  try {
    for (const r of LIVE_RESOURCES) {
      const version = await pickVersion(r, servedPlurals);
      if (!version) {
        notes.push(`${r.kind} (${r.group}) is not served by this API server (CRD not installed): skipped`);
        continue;
      }
      const base = r.group === '' ? `/api/${version}` : `/apis/${r.group}/${version}`;
      const items: Record<string, unknown>[] = [];
      let cont: string | undefined;
      do {
        const q = new URLSearchParams({ limit: String(req.pageSize ?? 500) });
        if (cont) q.set('continue', cont);
        const page = await get(`${base}/${r.plural}?${q.toString()}`).catch(e => {
          if (e instanceof HttpError && e.status === 403) {
            throw new Error(`forbidden: the credentials of context "${context}" may not list ${r.plural}${r.group ? `.${r.group}` : ''} at cluster scope (grant get and list on it; see the read-only ClusterRole in docs/cli.md)`);
          }
          throw e;
        });
        items.push(...((page.items as Record<string, unknown>[] | undefined) ?? []));
        cont = (page.metadata as { continue?: string } | undefined)?.continue || undefined;
      } while (cont);
      lists.push({ apiVersion: r.group === '' ? version : `${r.group}/${version}`, kind: r.kind, plural: r.plural, items });
    }
  } catch (e) {
    if (e instanceof HttpError) {
      if (e.status === 401) return { error: `the API server at ${server} rejected the credentials of context "${context}" (401 Unauthorized)` };
      return { error: `the API server at ${server} answered ${e.status} to GET ${e.path.split('?')[0]}` };
    }
    const err = e as NodeJS.ErrnoException;
    if (err.code) return { error: `cannot reach the API server at ${server}: ${err.code}` };
    return { error: firstLine(e) };
  }
  return { context, server, lists, notes };
}

async function pickVersion(r: LiveResource, servedPlurals: (g: string, v: string) => Promise<Set<string> | undefined>): Promise<string | undefined> {
  if (!r.optional) return r.versions[0];
  for (const v of r.versions) {
    const plurals = await servedPlurals(r.group, v);
    if (plurals?.has(r.plural)) return v;
  }
  return undefined;
}

function getJson(server: string, path: string, opts: https.RequestOptions): Promise<Record<string, unknown>> {
  const url = new URL(server + path);
  const mod = url.protocol === 'http:' ? http : https;
  return new Promise((resolve, reject) => {
    const req = mod.request(url, { ...opts, method: 'GET', headers: { ...(opts.headers ?? {}), Accept: 'application/json' }, timeout: 30_000 }, res => {
      const chunks: Buffer[] = [];
      res.on('data', c => chunks.push(c as Buffer));
      res.on('end', () => {
        if ((res.statusCode ?? 0) >= 300) return reject(new HttpError(res.statusCode ?? 0, path));
        try {
          resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        } catch {
          reject(new Error(`the API server answered GET ${path.split('?')[0]} with something that is not JSON`));
        }
      });
    });
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
    req.on('error', reject);
    req.end();
  });
}

function firstLine(e: unknown): string {
  return String((e as Error)?.message ?? e).split('\n')[0];
}

async function main(): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  const req = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as FetchRequest;
  const answer = await fetchAll(req).catch((e): FetchAnswer => ({ error: firstLine(e) }));
  process.stdout.write(JSON.stringify(answer));
}

if (require.main === module) void main();
