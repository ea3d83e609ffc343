import { renderDot, renderMermaid } from './graph';
import { renderHtml } from './html';
import { renderJson } from './json';
import { renderMarkdown } from './markdown';
import { renderNetassert } from './netassert';
import { renderSarif, SarifOptions } from './sarif';
import { renderText } from './text';
import { Cluster } from '../../model/cluster';
import { DeclaredExpectation } from '../expectations';
import { buildTrafficGraph } from '../graph/build';
import { TrafficGraph } from '../graph/types';
import { ValidationReport } from '../report';

/** Every report format, by the name the CLI takes (`validate -f`) and the Traffic construct maps its enum to. */
export const REPORT_FORMATS = ['text', 'json', 'sarif', 'md', 'mermaid', 'dot', 'html', 'netassert'] as const;
export type ReportFormatName = typeof REPORT_FORMATS[number];

/** One validation run, as the renderers read it. */
export interface ReportInput {
  readonly cluster: Cluster;
  readonly report: ValidationReport;
  /** The traffic graph, built only for the formats that draw it. @default - buildTrafficGraph(cluster) */
  readonly graph?: () => TrafficGraph;
  /** For netassert: the declared expectations. @default - none */
  readonly expectations?: readonly DeclaredExpectation[];
  /** For html: the page title. @default - the renderer's */
  readonly title?: string;
  /** For sarif: where fields are written (regions) and where files are. @default - object positions only */
  readonly sarif?: SarifOptions;
}

/**
 * Renders one validation run in one format: the single renderer behind the
 * synth-time reports and the CLI. Mermaid, DOT and HTML draw the traffic
 * graph; netassert exports the declared expectations.
 */
export function renderReport(format: ReportFormatName, input: ReportInput): string {
  const { cluster, report } = input;
  const graph = () => (input.graph ? input.graph() : buildTrafficGraph(cluster));
  switch (format) {
    case 'text': return renderText(report);
    case 'json': return renderJson(report);
    case 'sarif': return renderSarif(report, input.sarif);
    case 'md': return renderMarkdown(report);
    case 'mermaid': return renderMermaid(graph());
    case 'dot': return renderDot(graph());
    case 'html': return renderHtml(report, graph(), input.title === undefined ? {} : { title: input.title });
    case 'netassert': return renderNetassert(cluster, input.expectations ?? []);
  }
}
