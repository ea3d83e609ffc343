import { Option } from 'commander';
import { CliIO } from './io';
import { takeSkippedDocuments } from './read-inputs';
import { Cluster, IgnoredObject } from '../model/cluster';
import { compare as cmp } from '../model/compare';
import { formatSource } from '../model/errors';
import { describeObject } from '../model/fields';

/** `--verbose` for a command (`.addOption(verboseOption())`): list what the engine ignored, so nothing is dropped silently. */
export function verboseOption(): Option {
  return new Option('-v, --verbose', 'also list, on stderr, every input object the traffic engine ignores and why');
}

/**
 * With `--verbose`, writes one stderr line per ignored object (sorted by file,
 * document index, kind and name) so that stdout stays machine-readable.
 */
export function reportIgnored(io: CliIO, cluster: Cluster, opts: object): void {
  if (!(opts as { verbose?: boolean }).verbose) return;
  const skipped = takeSkippedDocuments(io).map(s => `${formatSource(s)}: not a Kubernetes object (no kind or apiVersion), skipped`);
  const lines = [...skipped, ...[...cluster.ignored].sort(compareIgnored).map(formatIgnored)];
  io.stderr(`${lines.length} object${lines.length === 1 ? '' : 's'} ignored${lines.length ? ':' : ''}\n`);
  for (const l of lines) io.stderr(`  ${l}\n`);
}

export function formatIgnored(o: IgnoredObject): string {
  return `${formatSource(o.source)} ${describeObject(o.kind, o.name, o.namespace)} (${o.apiVersion}): ${o.reason}`;
}

function compareIgnored(a: IgnoredObject, b: IgnoredObject): number {
  return cmp(a.source.file, b.source.file) || a.source.index - b.source.index
    || cmp(a.kind, b.kind) || cmp(a.namespace ?? '', b.namespace ?? '') || cmp(a.name ?? '', b.name ?? '');
}
