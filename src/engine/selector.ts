import { LabelSelector } from '../model/selector';

/** Whether a LabelSelector matches a label set (all requirements ANDed). */
export function matchesSelector(sel: LabelSelector, labels: Readonly<Record<string, string>>): boolean {
  // for-in, not Object.entries: this runs per (selector, pod) pair and must not allocate.
  const match = sel.matchLabels;
  for (const k in match) {
    if (labels[k] !== match[k]) return false;
  }
  for (const req of sel.matchExpressions) {
    const has = Object.prototype.hasOwnProperty.call(labels, req.key);
    switch (req.operator) {
      case 'In':
        if (!has || !req.values.includes(labels[req.key])) return false;
        break;
      case 'NotIn':
        // NotIn matches objects without the key (apimachinery labels.Requirement semantics).
        if (has && req.values.includes(labels[req.key])) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
    }
  }
  return true;
}

/** Whether a plain map selector matches (every key equal). */
export function matchesMap(sel: Readonly<Record<string, string>>, labels: Readonly<Record<string, string>>): boolean {
  for (const k in sel) {
    if (labels[k] !== sel[k]) return false;
  }
  return true;
}
