import { buildCluster, Cluster, parseManifests } from '../src/model';

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
