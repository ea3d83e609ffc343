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

/**
 * Lists by label key, then value. Two lookups of the strings the labels already
 * are, rather than one of a `key=value` string made per lookup: the audit asks
 * of every workload and every policy, and the strings were most of what it allocated.
 */
class PairBuckets<V> {
  private readonly byKey = new Map<string, Map<string, V[]>>();

  public get(key: string, value: string): V[] | undefined {
    return this.byKey.get(key)?.get(value);
  }

  public add(key: string, value: string, item: V): void {
    let values = this.byKey.get(key);
    if (!values) this.byKey.set(key, values = new Map());
    const list = values.get(value);
    if (list) list.push(item);
    else values.set(value, [item]);
  }
}

const EMPTY: readonly never[] = [];

/** Items (workloads, pods) by their labels: candidates for a selector. */
export class LabelledItems<T> {
  private readonly buckets = new PairBuckets<T>();

  /** `items` in the order the answers keep; `labelsOf` gives each item's labels. */
  constructor(private readonly items: readonly T[], labelsOf: (item: T) => Labels) {
    for (const item of items) {
      const labels = labelsOf(item);
      for (const k in labels) this.buckets.add(k, labels[k], item);
    }
  }

  /** A superset of the items a selector with these matchLabels matches, in the items' order: the smallest bucket of its pairs, or every item. */
  public candidates(match: Labels): readonly T[] {
    let best: readonly T[] | undefined;
    for (const k in match) {
      const list = this.buckets.get(k, match[k]) ?? EMPTY;
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
  private readonly buckets = new PairBuckets<number>();

  /** `items` in the order the answers keep; `selectorOf` gives each item's selector. */
  constructor(private readonly items: readonly T[], selectorOf: (item: T) => LabelSelector) {
    items.forEach((item, i) => {
      const match = selectorOf(item).matchLabels;
      // Any one pair will do: a selector matches only label sets holding all of its pairs.
      for (const k in match) {
        this.buckets.add(k, match[k], i);
        return;
      }
      this.always.push(i);
    });
  }

  /** A superset of the items whose selector matches `labels`, in the items' order. */
  public candidates(labels: Labels): readonly T[] {
    // A few selectors are cheaper to try than to look up and merge.
    if (this.items.length <= FEW) return this.items;
    let one: number[] | undefined;
    let picked: number[] | undefined;
    for (const k in labels) {
      const list = this.buckets.get(k, labels[k]);
      if (!list) continue;
      if (!one) one = list;
      else picked = (picked ?? one).concat(list);
    }
    // One bucket and no selector without matchLabels: already in the items' order.
    if (one && !picked && this.always.length === 0) return one.map(i => this.items[i]);
    picked = (picked ?? one ?? []).concat(this.always);
    return picked.sort((a, b) => a - b).map(i => this.items[i]);
  }
}
