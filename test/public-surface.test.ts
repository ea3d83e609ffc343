import * as surface from '../src';

// The package's public surface is what jsii publishes: classes, enums and (type-only)
// interfaces. A plain function re-exported through `export *` would reach TypeScript users
// but not Python ones, and would become API nobody meant to keep (docs/design.md, section 3).

describe('public surface (src/index.ts)', () => {
  test('exports only classes and enums, no plain functions or constants', () => {
    const stray = Object.entries(surface)
      // Interfaces re-exported by name compile to an undefined binding: type-only, nothing at run time.
      .filter(([, v]) => v !== undefined)
      .filter(([, v]) => !(typeof v === 'function' && /^class\b/.test(Function.prototype.toString.call(v))))
      .filter(([, v]) => !(v !== null && typeof v === 'object' && Object.values(v).every(x => typeof x === 'string' || typeof x === 'number')))
      .map(([k]) => k);
    expect(stray).toEqual([]);
  });

  test('the workload label helper stays internal', () => {
    expect(Object.keys(surface)).not.toContain('workloadLabels');
  });
});
