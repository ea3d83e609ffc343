import * as fs from 'fs';
import { DocumentPositions, documentPositions, TextPosition } from '../model/field-position';
import { ObjectRef } from '../validate/finding';

/**
 * Where a field of an input object is written, for SARIF regions: each
 * input file is parsed again for positions, once, only when a finding asks.
 * Standard input cannot be read twice and gets no field positions.
 */
export function fieldLocator(): (o: ObjectRef, field: string) => TextPosition | undefined {
  const cache = new Map<string, DocumentPositions[]>();
  return (o, field) => {
    const s = o.source;
    if (!s || s.file === '<stdin>' || o.constructPath === s.file) return undefined;
    let docs = cache.get(s.file);
    if (!docs) {
      try {
        docs = documentPositions(fs.readFileSync(s.file, 'utf8'));
      } catch {
        docs = [];
      }
      cache.set(s.file, docs);
    }
    return docs[s.index]?.fieldAt(field);
  };
}
