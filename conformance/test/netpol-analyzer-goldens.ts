/**
 * How our `list` / `diff` output is compared with netpol-analyzer v1.4.4's goldens.
 * Trailing whitespace aside, the v1.4.4 goldens differ from our output (and from
 * netpol-analyzer after v1.4.4) in two suffixes they do not print: `[External]` after
 * an IP range and, in dot, `[namespace]` after a namespace cluster's name. Both are
 * removed on both sides (docs/conformance.md).
 */
export function normaliseGolden(text: string): string {
  return text.split('\n').map(l => l.trimEnd()).join('\n').trimEnd()
    .replace(/\[External\]/g, '')
    .replace(/^(\s*subgraph "cluster_[^"]*?)\[namespace\]"/gm, '$1"')
    .replace(/^(\s*label="[^"]*?)\[namespace\]"$/gm, '$1"');
}
