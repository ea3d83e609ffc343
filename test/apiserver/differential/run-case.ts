// One differential case: build a construct from a seed, note whether our construct or
// synth rejects it, and ask the API server about every object it rendered.
import { ApiObject, App, Chart } from 'cdk8s';
import { Gen, InvalidPick, restoreInvalid } from './gen';
import { Client, KubeObject, Verdict } from '../client';

export type Build = (g: Gen, chart: Chart) => void;

/** Namespace of the chart every case is built in. */
export const CASE_NAMESPACE = 'differential';

export interface CaseResult {
  readonly construct: string;
  readonly seed: number;
  /** Our construct or synth threw this message; undefined when it accepted the input. */
  readonly ours?: string;
  /** The server's first rejection; undefined when it accepted every object. */
  readonly server?: string;
  /** No object exists to ask the server about (ours threw before rendering, and replay did too). */
  readonly incomparable: boolean;
  readonly warnings: readonly string[];
  readonly invalid: readonly InvalidPick[];
  readonly objects: readonly KubeObject[];
}

interface Attempt {
  readonly error?: string;
  readonly objects?: KubeObject[];
  readonly invalid: InvalidPick[];
}

function attempt(build: Build, seed: number, replay: boolean): Attempt {
  const g = new Gen(seed, replay);
  const app = new App({ outdir: 'cdk.out.never-written' });
  const chart = new Chart(app, 'case', { namespace: CASE_NAMESPACE, disableResourceNameHashes: true });
  try {
    build(g, chart);
  } catch (e) {
    return { error: (e as Error).message, invalid: g.invalid };
  }
  let error: string | undefined;
  try {
    app.synthYaml();
  } catch (e) {
    error = (e as Error).message;
  }
  let objects: KubeObject[] | undefined;
  try {
    objects = app.node.findAll().filter(ApiObject.isApiObject).map(o => o.toJson()) as KubeObject[];
  } catch {
    objects = undefined;
  }
  return { error, objects, invalid: g.invalid };
}

/**
 * @param persist create the objects for real, in order, and delete them afterwards (for rules
 * that span objects, such as node port allocation, which a dry run does not hold)
 */
export async function runCase(client: Client, construct: string, build: Build, seed: number, persist = false): Promise<CaseResult> {
  const first = attempt(build, seed, false);
  let objects = first.objects;
  let unused = false;
  if (!objects) {
    // Rejected before an object existed: render the same input with valid sentinels, then put the invalid values back.
    const replay = attempt(build, seed, true);
    const text = JSON.stringify(replay.objects ?? []);
    // An invalid value that reaches no object (a port of a rule the policy does not render) cannot be asked about.
    unused = replay.invalid.some(p => p.sentinel !== p.value && !text.includes(JSON.stringify(p.sentinel)));
    objects = replay.objects && replay.objects.map(o => restoreInvalid(o, replay.invalid) as KubeObject);
  }
  const base = { construct, seed, ours: first.error, invalid: first.invalid };
  if (!objects || unused) return { ...base, incomparable: true, warnings: [], objects: [] };
  let server: string | undefined;
  const warnings: string[] = [];
  const created: KubeObject[] = [];
  for (const obj of objects) {
    const v = await verdict(client, obj, persist);
    warnings.push(...v.warnings);
    if (!v.accepted && server === undefined) server = `${obj.kind} ${obj.metadata?.name}: ${v.message}`;
    if (v.accepted && persist) created.push(obj);
  }
  for (const obj of created.reverse()) await client.deleteObject(obj);
  return { ...base, server, incomparable: false, warnings, objects };
}

async function verdict(client: Client, obj: KubeObject, persist: boolean): Promise<Verdict> {
  try {
    if (await client.isNamespaced(obj)) await client.ensureNamespace(obj.metadata?.namespace ?? 'default');
  } catch (e) {
    return { accepted: false, status: 0, message: (e as Error).message, warnings: [] };
  }
  return persist ? client.create(obj) : client.dryRun(obj);
}
