/**
 * Headless Chromium for the browser checks: the Debian package's binary
 * (`apt-get install chromium`), driven by playwright-core, which never
 * downloads a browser of its own. A fresh profile per run, removed at close.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { BrowserContext, chromium } from 'playwright-core';

/** Where Debian installs Chromium; CHROMIUM overrides it on other systems. */
export const CHROMIUM_PATH = process.env.CHROMIUM ?? '/usr/bin/chromium';

const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export interface Browser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

export async function launchChromium(viewport = { width: 1400, height: 1000 }): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`no Chromium at ${CHROMIUM_PATH}: install it with 'apt-get install -y chromium' (or set CHROMIUM to its path)`);
  }
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-traffic-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    // playwright passes the fresh profile as --user-data-dir itself.
    args: [...ARGS],
    viewport,
  });
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
