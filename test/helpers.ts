import * as path from 'path';
import { buildCluster, Cluster, parseManifests } from '../src/model';

/** Root of the external conformance corpora (read-only, never copied into the repo). */
export const CONFORMANCE_DIR = path.resolve(__dirname, '..', '..', 'shared', 'conformance');

/** Builds a cluster model from inline YAML. */
export function clusterOf(yamlText: string, file = 'test.yaml'): Cluster {
  return buildCluster(parseManifests(yamlText, file));
}

/** A CLI IO that captures output. */
export function captureIO(stdin = ''): { io: { stdout: (t: string) => void; stderr: (t: string) => void; readStdin: () => string }; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    io: { stdout: t => { out += t; }, stderr: t => { err += t; }, readStdin: () => stdin },
    out: () => out,
    err: () => err,
  };
}
