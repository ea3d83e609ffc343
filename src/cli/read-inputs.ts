import * as fs from 'fs';
import * as path from 'path';
import { Command, Option } from 'commander';
import { CliIO } from './io';
import { readLiveCluster } from './live/read-cluster';
import { formatSource, ManifestError, SourceRef } from '../model/errors';
import { ParseLimits, parseManifests, SourcedObject } from '../model/manifest';

const MANIFEST_EXT = /\.(ya?ml|json)$/i;

/**
 * cdk8s writes this beside the manifests of an app synthesized for validation
 * plugins (`recordConstructMetadata`): `{ version, resources: { <metadata.name>: { path } } }`.
 * It is no manifest; a walked directory reads it for construct paths instead.
 */
export const CONSTRUCT_METADATA_FILE = 'construct-metadata.json';

/** A manifest file to read; `walked` when found under a directory rather than named. */
export interface InputFile {
  readonly file: string;
  readonly walked: boolean;
}

/**
 * Expands paths (files, directories recursively, `-` for stdin) into the
 * manifest files to read, in sorted order so output never depends on readdir order.
 */
export function expandPaths(paths: readonly string[]): string[] {
  return expandInputs(paths).map(f => f.file);
}

/** `expandPaths`, telling named files from files found by walking a directory. */
export function expandInputs(paths: readonly string[]): InputFile[] {
  const out: InputFile[] = [];
  for (const p of paths) {
    if (p === '-') {
      out.push({ file: p, walked: false });
      continue;
    }
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch {
      throw new ManifestError('no such file or directory', { source: { file: p, index: 0 } });
    }
    if (st.isDirectory()) out.push(...walk(p).map(file => ({ file, walked: true })));
    else out.push({ file: p, walked: false });
  }
  return out;
}

/** Documents skipped per CLI run (keyed by its io), for `--verbose`. */
const skippedByRun = new WeakMap<CliIO, SourceRef[]>();

/** Documents of walked files skipped as not Kubernetes objects since the last call, in reading order. */
export function takeSkippedDocuments(io: CliIO): readonly SourceRef[] {
  const out = skippedByRun.get(io) ?? [];
  skippedByRun.delete(io);
  return out;
}

function walk(dir: string): string[] {
  const files: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...walk(full));
    else if (entry.name === CONSTRUCT_METADATA_FILE) continue;
    else if (MANIFEST_EXT.test(entry.name)) files.push(full);
  }
  return files;
}

/**
 * The CLI run in progress (runCli is synchronous, one run at a time): whether
 * `--strict` is set and how many invalid documents and objects were reported.
 * Kept here rather than per io because commands wrap their io (progress lines).
 */
let run: { strict: boolean; errors: number } | undefined;

/** Starts a CLI run: invalid objects are reported and skipped until `--strict` says otherwise. */
export function beginInputRun(): void {
  run = { strict: false, errors: 0 };
}

/** Sets `--strict` for the run in progress. */
export function setStrict(strict: boolean): void {
  if (run) run.strict = strict;
}

/** Ends the run; returns how many invalid documents and objects it reported. */
export function endInputRun(): number {
  const n = run?.errors ?? 0;
  run = undefined;
  return n;
}

/**
 * The error handler of this run: prints each invalid document or object as its
 * one-line error and goes on, as `kubectl apply -f dir/` does; undefined under
 * `--strict` or outside a CLI run, so that the first error stops the run.
 */
export function inputErrorHandler(io: CliIO): ((e: ManifestError) => void) | undefined {
  const current = run;
  if (!current || current.strict) return undefined;
  return e => {
    io.stderr(`error: ${e.located}\n`);
    current.errors++;
  };
}

/** Reads and parses every manifest under `paths`. */
export function readInputs(paths: readonly string[], io: CliIO, limits?: ParseLimits): SourcedObject[] {
  const objects: SourcedObject[] = [];
  for (const { file, walked } of expandInputs(paths)) {
    const text = file === '-' ? io.readStdin() : fs.readFileSync(file, 'utf8');
    // Directories hold other YAML too (CI files, expected outputs): skip it, loudly. A named file must be a manifest.
    const skip = walked ? (source: SourceRef) => {
      io.stderr(`warning: ${formatSource(source)}: not a Kubernetes object, skipped\n`);
      skippedByRun.set(io, [...(skippedByRun.get(io) ?? []), source]);
    } : undefined;
    const handlers = { onError: inputErrorHandler(io), onWarning: (w: string) => io.stderr(`warning: ${w}\n`) };
    // A loop, not push(...): a 150,000-object file would overflow the call stack as arguments.
    for (const o of parseManifests(text, file === '-' ? '<stdin>' : file, limits, skip, handlers)) objects.push(o);
  }
  return objects;
}

/**
 * `--context-file <file>` (repeatable): objects outside the input (CoreDNS,
 * the ingress controller, other teams' namespaces) that complete the model but
 * whose own findings are not reported. `--context` stays free for a kubeconfig
 * context, as kubectl users read it.
 */
export function contextFileOption(): Option {
  return new Option('--context-file <file>', 'objects outside the input that count for the analysis but are not reported on (repeatable)')
    .argParser((v: string, prev: string[] | undefined) => [...(prev ?? []), v]);
}

/** The context objects of `--context-file`, and the files they came from (to leave their findings out). */
export function readContextFiles(opts: object, io: CliIO): { objects: SourcedObject[]; files: ReadonlySet<string> } {
  const given = (opts as { contextFile?: string[] }).contextFile ?? [];
  const objects = readInputs(given, io);
  return { objects, files: new Set(objects.map(o => o.source.file)) };
}

/** The construct path of the object at a source, when that object is `kind`/`name` (see `constructPathsOf`). */
export type ConstructPathLookup = (source: SourceRef, object: { readonly kind: string; readonly name: string }) => string | undefined;

/**
 * Construct paths of the objects of cdk8s output directories among `paths`,
 * from their construct-metadata.json: findings then name the construct, as
 * they do at synth time. Unreadable metadata is ignored (it only adds names).
 */
export function constructPathsOf(paths: readonly string[], objects: readonly SourcedObject[]): ConstructPathLookup {
  const bySource = constructPathsBySource(paths, objects);
  return (source, object) => {
    const hit = bySource.get(`${source.file}#${source.index}`);
    return hit && hit.kind === object.kind && hit.name === object.name ? hit.path : undefined;
  };
}

type ConstructPathEntry = { kind: string; name: string; path: string };

function constructPathsBySource(paths: readonly string[], objects: readonly SourcedObject[]): Map<string, ConstructPathEntry> {
  const byName = new Map<string, string>();
  for (const p of paths) {
    const file = path.join(p, CONSTRUCT_METADATA_FILE);
    if (p === '-' || !fs.existsSync(file)) continue;
    try {
      const meta = JSON.parse(fs.readFileSync(file, 'utf8')) as { resources?: Record<string, { path?: unknown }> };
      for (const [name, r] of Object.entries(meta.resources ?? {})) {
        if (typeof r?.path === 'string') byName.set(name, r.path);
      }
    } catch {
      continue;
    }
  }
  const out = new Map<string, ConstructPathEntry>();
  if (byName.size === 0) return out;
  // Names set by hand can repeat across namespaces and kinds; the metadata then cannot tell them apart.
  const seen = new Map<unknown, number>();
  for (const o of objects) seen.set(o.object.metadata.name, (seen.get(o.object.metadata.name) ?? 0) + 1);
  for (const o of objects) {
    if (seen.get(o.object.metadata.name) !== 1) continue;
    const name = o.object.metadata.name;
    const constructPath = typeof name === 'string' ? byName.get(name) : undefined;
    if (constructPath) out.set(`${o.source.file}#${o.source.index}`, { kind: o.object.kind, name: String(name), path: constructPath });
  }
  return out;
}

/** What every object-reading command takes besides paths: a live cluster, as kubectl takes it. */
export interface ClusterInputOptions {
  readonly kubeconfig?: string;
  readonly context?: string;
}

/** Adds `--kubeconfig` and `--context` to a command that reads objects. */
export function clusterInputOptions(cmd: Command): Command {
  return cmd
    .option('--kubeconfig <file>', 'also read the objects of a running cluster (get/list only; see the read-only ClusterRole in docs/cli.md)')
    .option('--context <name>', 'kubeconfig context of the running cluster (default: the current context; implies the default kubeconfig)');
}

/**
 * The objects of `paths` plus, with `--kubeconfig` or `--context`, those of
 * the running cluster (listed once, then read exactly like file input). Notes
 * (CRDs not installed) go to stderr, one line each.
 */
export function readCommandInputs(paths: readonly string[], options: object, io: CliIO, limits?: ParseLimits): SourcedObject[] {
  const opts = options as ClusterInputOptions;
  const live = opts.kubeconfig !== undefined || opts.context !== undefined;
  if (paths.length === 0 && !live) throw new ManifestError('no input: give files, directories or - for stdin, or --kubeconfig / --context for a running cluster');
  const objects = readInputs(paths, io, limits);
  if (live) {
    const cluster = readLiveCluster({ kubeconfig: opts.kubeconfig, context: opts.context });
    for (const n of cluster.notes) io.stderr(`note: ${n}\n`);
    for (const o of cluster.objects) objects.push(o);
  }
  return objects;
}
