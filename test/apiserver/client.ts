// A minimal Kubernetes REST client for the API-server suites: discovery (kind -> resource),
// server-side dry-run of one object at a time, and real creates for the few objects a dry
// run needs to exist (namespaces, their `default` ServiceAccount, installed CRDs).
import * as fs from 'fs';
import * as https from 'https';
import { ApiServer } from './server';

export interface KubeObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata?: { readonly name?: string; readonly namespace?: string; readonly [k: string]: unknown };
  readonly [k: string]: unknown;
}

export interface Verdict {
  /** The server accepted the object (2xx). */
  readonly accepted: boolean;
  readonly status: number;
  /** The server's message when it rejected the object. */
  readonly message: string;
  /** `Warning` headers the server sent with its answer (deprecations, ignored fields). */
  readonly warnings: readonly string[];
}

interface Resource { readonly plural: string; readonly namespaced: boolean }

const FIELD_MANAGER = 'cdk8s-traffic-tests';

export class Client {
  private readonly agent: https.Agent;
  private readonly resources = new Map<string, Resource>();

  constructor(private readonly server: Pick<ApiServer, 'url' | 'token' | 'caFile'>) {
    this.agent = new https.Agent({ keepAlive: true, maxSockets: 8, ca: fs.readFileSync(server.caFile) });
  }

  /** Server-side dry run of an apply (create when absent, as `kubectl apply --server-side --dry-run=server`). */
  async dryRun(obj: KubeObject): Promise<Verdict> {
    return this.apply(obj, true);
  }

  /** Applies `obj` for real. */
  async apply(obj: KubeObject, dryRun = false): Promise<Verdict> {
    const p = await this.objectPath(obj);
    const q = `fieldManager=${FIELD_MANAGER}&force=true&fieldValidation=Strict${dryRun ? '&dryRun=All' : ''}`;
    return this.request('PATCH', `${p}?${q}`, JSON.stringify(obj), 'application/apply-patch+yaml');
  }

  /** Creates `obj` for real (POST), so that a conflict with an existing object is an error. */
  async create(obj: KubeObject, dryRun = false): Promise<Verdict> {
    const p = await this.collectionPath(obj);
    return this.request('POST', `${p}?fieldValidation=Strict${dryRun ? '&dryRun=All' : ''}`, JSON.stringify(obj), 'application/json');
  }

  async get(urlPath: string): Promise<{ status: number; body: any }> {
    const r = await this.request('GET', urlPath);
    return { status: r.status, body: r.accepted ? JSON.parse(r.message) : undefined };
  }

  async delete(urlPath: string): Promise<Verdict> {
    return this.request('DELETE', urlPath);
  }

  /** Deletes `obj` (found by kind, namespace and name). */
  async deleteObject(obj: KubeObject): Promise<Verdict> {
    return this.request('DELETE', await this.objectPath(obj));
  }

  /** Creates the namespace and its `default` ServiceAccount (nothing else creates it here) when missing. */
  async ensureNamespace(name: string): Promise<void> {
    if ((await this.get(`/api/v1/namespaces/${name}`)).status === 404) {
      await this.must(this.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } }), `namespace ${name}`);
    }
    if ((await this.get(`/api/v1/namespaces/${name}/serviceaccounts/default`)).status === 404) {
      await this.must(this.create({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: name } }), `serviceaccount ${name}/default`);
    }
  }

  /** Namespaced or not, from discovery. */
  async isNamespaced(obj: KubeObject): Promise<boolean> {
    return (await this.resource(obj.apiVersion, obj.kind)).namespaced;
  }

  /** Forgets discovery answers (after CRDs were installed). */
  resetDiscovery(): void {
    this.resources.clear();
  }

  close(): void {
    this.agent.destroy();
  }

  private async must(p: Promise<Verdict>, what: string): Promise<void> {
    const v = await p;
    if (!v.accepted && v.status !== 409) throw new Error(`creating ${what}: ${v.status} ${v.message}`);
  }

  private async collectionPath(obj: KubeObject): Promise<string> {
    const r = await this.resource(obj.apiVersion, obj.kind);
    const base = obj.apiVersion.includes('/') ? `/apis/${obj.apiVersion}` : `/api/${obj.apiVersion}`;
    const ns = r.namespaced ? `/namespaces/${obj.metadata?.namespace ?? 'default'}` : '';
    return `${base}${ns}/${r.plural}`;
  }

  private async objectPath(obj: KubeObject): Promise<string> {
    return `${await this.collectionPath(obj)}/${encodeURIComponent(obj.metadata?.name ?? '')}`;
  }

  private async resource(apiVersion: string, kind: string): Promise<Resource> {
    const key = `${apiVersion}/${kind}`;
    if (!this.resources.has(key)) {
      const base = apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
      const list = await this.get(base);
      if (list.status !== 200) throw new Error(`${apiVersion} is not served by this API server (GET ${base}: ${list.status})`);
      for (const r of list.body.resources as Array<{ name: string; kind: string; namespaced: boolean }>) {
        if (!r.name.includes('/')) this.resources.set(`${apiVersion}/${r.kind}`, { plural: r.name, namespaced: r.namespaced });
      }
      if (!this.resources.has(key)) throw new Error(`${kind} is not served at ${apiVersion}`);
    }
    return this.resources.get(key)!;
  }

  private request(method: string, urlPath: string, body?: string, contentType?: string): Promise<Verdict> {
    return new Promise((resolve, reject) => {
      const headers: Record<string, string> = { authorization: `Bearer ${this.server.token}`, accept: 'application/json' };
      if (body !== undefined) headers['content-type'] = contentType!;
      const req = https.request(`${this.server.url}${urlPath}`, { method, agent: this.agent, headers }, res => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', d => text += d);
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          const accepted = status >= 200 && status < 300;
          const warn = res.headers.warning;
          const warnings = (Array.isArray(warn) ? warn : warn ? [warn] : []).map(parseWarning);
          let message = text;
          if (!accepted) {
            try {
              message = JSON.parse(text).message ?? text;
            } catch {
              // not a Status object; keep the raw text
            }
          }
          resolve({ accepted, status, message, warnings });
        });
      });
      req.on('error', reject);
      if (body !== undefined) req.write(body);
      req.end();
    });
  }
}

/** `299 - "text"` -> `text` (RFC 7234 warn-code, warn-agent, quoted warn-text). */
function parseWarning(h: string): string {
  const m = /^\d{3} \S+ "((?:[^"\\]|\\.)*)"/.exec(h);
  return m ? m[1].replace(/\\(.)/g, '$1') : h;
}
