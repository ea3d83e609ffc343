import { FieldReader } from '../fields';
import { SourcedObject } from '../manifest';
import { ContainerPort, Protocol, PROTOCOLS, Workload, WorkloadKind } from '../objects';
import { readName } from './metadata';
import { readController } from '../ownership';

/** Where each workload kind keeps its pod template. */
const TEMPLATE_PATH: Record<WorkloadKind, readonly string[]> = {
  Pod: [],
  Deployment: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  Job: ['spec', 'template'],
  ReplicationController: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
};

/** Reduces any workload kind to its pod template: labels and named container ports. */
export function readWorkload(obj: SourcedObject, kind: WorkloadKind, namespace: string): Workload {
  const r = FieldReader.of(obj, namespace);
  const name = readName(r);
  let template: FieldReader = r;
  for (const key of TEMPLATE_PATH[kind]) template = template.object_(key);
  const meta = template.optObject('metadata');
  const labels = meta?.optStringMap('labels') ?? {};
  const podSpec = template.optObject('spec') ?? (kind === 'Pod' ? r.fail('required field is missing', 'spec') : template.fail('required field is missing', 'spec'));
  const ports: ContainerPort[] = [];
  const containers = podSpec.list('containers');
  // Sidecar init containers (restartPolicy: Always) keep running and may serve ports.
  const sidecars = podSpec.list('initContainers').filter(c => c.optString('restartPolicy') === 'Always');
  for (const c of [...containers, ...sidecars]) {
    const cname = c.optString('name') ?? '';
    for (const p of c.list('ports')) {
      const containerPort = p.optInt('containerPort', 1, 65535) ?? p.fail('required field is missing', 'containerPort');
      const protocol = (p.optEnum<Protocol>('protocol', PROTOCOLS) ?? 'TCP');
      const pname = p.optString('name');
      if (pname !== undefined && !isPortName(pname)) p.fail(`"${pname}" is not a valid port name (IANA_SVC_NAME: at most 15 lowercase alphanumerics or '-', with a letter)`, 'name');
      ports.push({ container: cname, name: pname, containerPort, protocol });
    }
  }
  const spec = kind === 'Pod' ? undefined : r.optObject('spec');
  return {
    kind,
    name,
    namespace,
    labels: kind === 'Pod' ? (r.object_('metadata').optStringMap('labels') ?? {}) : labels,
    ports,
    replicas: spec?.optInt('replicas', 0),
    serviceName: kind === 'StatefulSet' ? spec?.optString('serviceName') : undefined,
    hostNetwork: podSpec.optBool('hostNetwork') ?? false,
    hostname: podSpec.optString('hostname'),
    subdomain: podSpec.optString('subdomain'),
    controller: readController(r),
    source: obj.source,
  };
}

const PORT_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;
const A_LETTER = /[a-z]/;

/** IANA_SVC_NAME as the API server validates container and Service port names. */
export function isPortName(s: string): boolean {
  return s.length >= 1 && s.length <= 15 && PORT_NAME.test(s) && A_LETTER.test(s) && !s.includes('--');
}
