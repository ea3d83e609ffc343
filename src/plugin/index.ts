/**
 * cdk8s CLI validation plugin: runs the cdk8s-traffic audit rule pack on the
 * manifests `cdk8s synth` writes. In cdk8s.yaml:
 *
 *   validations:
 *     - package: ./node_modules/cdk8s-traffic/lib/plugin
 *       version: <installed cdk8s-traffic version>
 *       class: TrafficValidation
 *       properties:
 *         context: [cluster/ingress-nginx.yaml]
 *         suppressions: [{ id: TRF-SVC-004, reason: public storefront }]
 *
 * Only the shape of the CLI's ValidationContext is used, so the plugin does
 * not load cdk8s-cli at run time.
 */
import * as fs from 'fs';
import { ManifestError } from '../model/errors';
import { parseManifests, SourcedObject } from '../model/manifest';
import { Finding, formatObject } from '../validate/finding';
import { runFails } from '../validate/outcome';
import { summarize, ValidationReport } from '../validate/report';
import { runValidation } from '../validate/run';
import { checkSuppression, Suppression } from '../validate/suppressions';

/** Properties given in cdk8s.yaml under `properties:`. */
export interface TrafficValidationProps {
  /** YAML files describing objects outside the app (ingress controller, CoreDNS...). @default - none */
  readonly context?: string[];
  /** App-wide suppressions, each with a reason. @default - none */
  readonly suppressions?: Array<{ readonly id: string; readonly reason: string }>;
  /** Fail on warning-level findings too. @default false */
  readonly failOnWarnings?: boolean;
}

/** The parts of cdk8s-cli's `ValidationContext` the plugin uses. */
export interface ValidationContextLike {
  readonly manifests: string[];
  readonly report: {
    addViolation(v: {
      ruleName: string;
      recommendation: string;
      fix: string;
      violatingResources: Array<{ resourceName: string; locations: string[]; manifestPath: string }>;
    }): void;
    submit(status: 'success' | 'failure', metadata?: { [key: string]: string }): void;
  };
  readonly logger?: { log(message: string): void };
}

/** The plugin class cdk8s instantiates with the `properties` of cdk8s.yaml. */
export class TrafficValidation {
  private readonly suppressions: Suppression[];

  constructor(private readonly props: TrafficValidationProps = {}) {
    this.suppressions = (props.suppressions ?? []).map(s => {
      const sup = { ruleId: s.id, reason: s.reason ?? '', scope: '*' };
      checkSuppression(sup);
      return sup;
    });
  }

  public async validate(context: ValidationContextLike): Promise<void> {
    const { report, inputErrors } = this.run(context);
    // Bad input (a duplicate object, an invalid field, unreadable YAML) is a violation with its
    // one-line message, not an exception: cdk8s would print it with a stack trace.
    if (inputErrors.length > 0) context.report.addViolation(inputViolation(inputErrors));
    const byRule = new Map<string, Finding[]>();
    for (const f of report.findings) {
      if (f.suppressed) continue;
      byRule.set(f.ruleId, [...(byRule.get(f.ruleId) ?? []), f]);
    }
    for (const [ruleId, findings] of [...byRule.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const rule = report.rules.find(r => r.id === ruleId);
      context.report.addViolation({
        ruleName: `${ruleId} ${findings[0].ruleName} (${findings[0].level})`,
        recommendation: rule?.summary ?? findings[0].message,
        fix: findings[0].fix,
        violatingResources: findings.map(f => ({
          // cdk8s looks the resource name up in construct-metadata.json, which is keyed by
          // metadata.name, to print the construct path; the kind and namespace go in the location.
          resourceName: f.object.name,
          locations: [`${formatObject(f.object)}${f.field ? ' ' + f.field : ''}: ${f.message}`],
          manifestPath: f.object.source ? `${f.object.source.file}#${f.object.source.index}` : '',
        })),
      });
    }
    const s = summarize(report);
    const failing = inputErrors.length > 0 || runFails(report, { failOnWarnings: this.props.failOnWarnings });
    context.report.submit(failing ? 'failure' : 'success', {
      errors: String(s.errors + inputErrors.length), warnings: String(s.warnings), info: String(s.info), suppressed: String(s.suppressed),
    });
  }

  /**
   * Validates what can be read: a file that does not parse, and each object
   * the model refuses (a duplicate, an invalid field), is left out with its
   * error, and the rest is analysed, as `kubectl apply -f dir/` goes on.
   */
  private run(context: ValidationContextLike): { report: ValidationReport; inputErrors: ManifestError[] } {
    const inputErrors: ManifestError[] = [];
    const objects: SourcedObject[] = [];
    const manifests = new Set(context.manifests);
    for (const file of [...context.manifests, ...(this.props.context ?? [])]) {
      try {
        for (const o of parseManifests(fs.readFileSync(file, 'utf8'), file)) objects.push(o);
      } catch (e) {
        if (!(e instanceof ManifestError)) throw e;
        inputErrors.push(e);
      }
    }
    const { report } = runValidation({
      objects,
      suppressions: this.suppressions,
      // Findings on context objects are not the app's to fix.
      reportOn: o => o.kind === 'Suppression' || (o.source !== undefined && manifests.has(o.source.file)),
      // Each object the model refuses is left out with its error; the rest is analysed.
      onError: e => inputErrors.push(e),
    });
    return { report, inputErrors };
  }
}

/** Rule name under which input the engine cannot read is reported. */
export const INVALID_INPUT_RULE = 'TRF-INPUT invalid-input (error)';

function inputViolation(errors: readonly ManifestError[]) {
  return {
    ruleName: INVALID_INPUT_RULE,
    recommendation: 'The synthesized manifests must be valid Kubernetes objects, each defined once.',
    fix: 'Fix the object named in the location (a duplicate: give one of the two another name or namespace).',
    violatingResources: errors.map(e => ({
      // The object is `Kind ns/name` (or `Kind name`); its last word is metadata.name.
      resourceName: e.object?.split(/[ /]/).pop() ?? '',
      locations: [e.message],
      manifestPath: e.source ? `${e.source.file}#${e.source.index}` : '',
    })),
  };
}
