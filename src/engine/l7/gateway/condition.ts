/** A status condition as a Gateway API controller writes it on a Gateway, listener, route or policy. */
export interface Condition {
  readonly type: 'Accepted' | 'ResolvedRefs' | 'Programmed' | 'Conflicted';
  readonly status: 'True' | 'False';
  readonly reason: string;
  readonly message: string;
}
