/**
 * The scaling chart of bench/results.md and the README: `list` time and peak
 * memory against workloads, ours and netpol-analyzer's, on log scales, as a
 * small dependency-free SVG (two panels side by side).
 */

export interface Series {
  readonly name: string;
  readonly color: string;
  /** [workloads, value] pairs; missing sizes are left out. */
  readonly points: ReadonlyArray<readonly [number, number]>;
}

export interface Panel {
  readonly title: string;
  readonly unit: string;
  readonly series: readonly Series[];
}

const W = 380;
const H = 300;
const M = { left: 64, right: 16, top: 36, bottom: 48 };

function decades(min: number, max: number): number[] {
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(min)); e <= Math.ceil(Math.log10(max)); e++) out.push(10 ** e);
  return out;
}

function label(v: number): string {
  if (v >= 1e6) return `${v / 1e6}M`;
  if (v >= 1e3) return `${v / 1e3}k`;
  return String(v);
}

function panel(p: Panel, x0: number): string {
  const all = p.series.flatMap(s => s.points);
  const xs = decades(Math.min(...all.map(a => a[0])), Math.max(...all.map(a => a[0])));
  const ys = decades(Math.min(...all.map(a => a[1])), Math.max(...all.map(a => a[1])));
  // Position of v on a log axis spanning the decades `d`, as a fraction of its length.
  const frac = (v: number, d: number[]) => (Math.log10(v) - Math.log10(d[0])) / (Math.log10(d[d.length - 1]) - Math.log10(d[0]) || 1);
  const lx = (v: number) => x0 + M.left + frac(v, xs) * (W - M.left - M.right);
  const ly = (v: number) => H - M.bottom - frac(v, ys) * (H - M.top - M.bottom);
  const out: string[] = [];
  out.push(`<text x="${x0 + W / 2}" y="20" text-anchor="middle" font-weight="bold">${p.title}</text>`);
  for (const x of xs) {
    out.push(`<line x1="${lx(x).toFixed(1)}" y1="${M.top}" x2="${lx(x).toFixed(1)}" y2="${H - M.bottom}" stroke="#ddd"/>`);
    out.push(`<text x="${lx(x).toFixed(1)}" y="${H - M.bottom + 16}" text-anchor="middle">${label(x)}</text>`);
  }
  for (const y of ys) {
    out.push(`<line x1="${x0 + M.left}" y1="${ly(y).toFixed(1)}" x2="${x0 + W - M.right}" y2="${ly(y).toFixed(1)}" stroke="#ddd"/>`);
    out.push(`<text x="${x0 + M.left - 6}" y="${(ly(y) + 4).toFixed(1)}" text-anchor="end">${label(y)}</text>`);
  }
  out.push(`<text x="${x0 + W / 2}" y="${H - 10}" text-anchor="middle">workloads (log)</text>`);
  out.push(`<text transform="translate(${x0 + 14},${(H - M.bottom + M.top) / 2}) rotate(-90)" text-anchor="middle">${p.unit} (log)</text>`);
  p.series.forEach((s, i) => {
    const pts = s.points.map(([x, y]) => `${lx(x).toFixed(1)},${ly(y).toFixed(1)}`);
    out.push(`<polyline fill="none" stroke="${s.color}" stroke-width="2" points="${pts.join(' ')}"/>`);
    for (const pt of pts) out.push(`<circle cx="${pt.split(',')[0]}" cy="${pt.split(',')[1]}" r="3" fill="${s.color}"/>`);
    out.push(`<rect x="${x0 + M.left + 8}" y="${M.top + 4 + i * 16}" width="10" height="10" fill="${s.color}"/>`);
    out.push(`<text x="${x0 + M.left + 22}" y="${M.top + 13 + i * 16}">${s.name}</text>`);
  });
  return out.join('\n');
}

/** Two panels side by side, as one SVG document. */
export function renderScalingChart(panels: readonly [Panel, Panel]): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${2 * W}" height="${H}" viewBox="0 0 ${2 * W} ${H}" font-family="sans-serif" font-size="11">`,
    `<rect width="${2 * W}" height="${H}" fill="white"/>`,
    panel(panels[0], 0),
    panel(panels[1], W),
    '</svg>',
    '',
  ].join('\n');
}
