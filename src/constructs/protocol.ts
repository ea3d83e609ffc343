/** Transport protocol of a port (Kubernetes `Protocol`). */
export enum Protocol {
  /** TCP (the Kubernetes default). */
  TCP = 'TCP',
  /** UDP. */
  UDP = 'UDP',
  /** SCTP (stable since Kubernetes 1.20). */
  SCTP = 'SCTP',
}
