import { App, Chart } from 'cdk8s';

/** An app with charts for the given namespaces, names without hashes. */
export function appWith(...namespaces: string[]): { app: App; charts: Record<string, Chart> } {
  const app = new App({ outdir: 'cdk.out.test-never-written' });
  const charts: Record<string, Chart> = {};
  for (const ns of namespaces) charts[ns] = new Chart(app, ns, { namespace: ns, disableResourceNameHashes: true });
  return { app, charts };
}

/** Every synthesized object of the app, as JSON. */
export function objectsOf(app: App): any[] {
  return app.charts.flatMap(c => c.toJson());
}

/** The synthesis error message of an app (fails the test when synthesis succeeds). */
export function synthError(app: App): string {
  try {
    app.synthYaml();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected synthesis to fail');
}
