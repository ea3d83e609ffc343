/**
 * Indexes that narrow "which of these match that selector" from a scan of
 * every item to the items sharing one `key=value` label. They only choose
 * candidates: the caller still decides every candidate with matchesSelector,
 * so the one rule of label selection stays in src/engine/selector.ts. Without
 * them, a namespace of a thousand workloads and a thousand policies costs a
 * million selector matches per question asked of every workload or policy.
 */
import { LabelSelector } from '../model/selector';

type Labels = Readonly<Record<string, string>>;

/** A `key=value` bucket name; NUL cannot occur in a label key. */
function pair(key: string, value: string): string {
  return `${key}\u0000${value}`;
}

/** Items (workloads, pods) by their labels: candidates for a selector. */
export class LabelledItems<T> {
  private readonly buckets = new Map<string, T[]>();

  /** `items` in the order the answers keep; `labelsOf` gives each item's labels. */
  constructor(private readonly items: readonly T[], labelsOf: (item: T) => Labels) {
    for (const item of items) {
      const labels = labelsOf(item);
      for (const k in labels) {
        const b = pair(k, labels[k]);
        const list = this.buckets.get(b);
        if (list) list.push(item);
        else this.buckets.set(b, [item]);
      }
    }
  }

  /** A superset of the items a selector with these matchLabels matches, in the items' order: the smallest bucket of its pairs, or every item. */
  public candidates(match: Labels): readonly T[] {
    let best: readonly T[] | undefined;
    for (const k in match) {
      const list = this.buckets.get(pair(k, match[k])) ?? [];
      if (!best || list.length < best.length) best = list;
    }
    return best ?? this.items;
  }
}

/** Below this many selectors, `candidates` returns them all. */
const FEW = 32;

/** Selectors (of policies) by one of their matchLabels pairs: candidates for a set of labels. */
export class IndexedSelectors<T> {
  /** Selectors without matchLabels: candidates for every label set. */
  private readonly always: number[] = [];
  private readonly buckets = new Map<string, number[]>();

  /** `items` in the order the answers keep; `selectorOf` gives each item's selector. */
  constructor(private readonly items: readonly T[], selectorOf: (item: T) => LabelSelector) {
    items.forEach((item, i) => {
      const match = selectorOf(item).matchLabels;
      // Any one pair will do: a selector matches only label sets holding all of its pairs.
      let first: string | undefined;
      for (const k in match) {
        first = pair(k, match[k]);
        break;
      }
      if (first === undefined) {
        this.always.push(i);
        return;
      }
      const list = this.buckets.get(first);
      if (list) list.push(i);
      else this.buckets.set(first, [i]);
    });
  }

  /** A superset of the items whose selector matches `labels`, in the items' order. */
  public candidates(labels: Labels): readonly T[] {
    // A few selectors are cheaper to try than to look up and merge.
    if (this.items.length <= FEW) return this.items;
    let picked: number[] | undefined;
    for (const k in labels) {
      const list = this.buckets.get(pair(k, labels[k]));
      if (list) picked = picked ? picked.concat(list) : [...list];
    }
    if (!picked) return this.always.map(i => this.items[i]);
    if (this.always.length > 0) picked = picked.concat(this.always);
    return picked.sort((a, b) => a - b).map(i => this.items[i]);
  }
}
