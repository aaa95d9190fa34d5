import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium, which the browser tests drive with playwright-core; .ci/run installs it. */
export const CHROMIUM = '/usr/bin/chromium';

/** Whether it is installed; a browser test skips itself, saying so, when it is not. */
export function chromiumAvailable(what: string): boolean {
  const present = fs.existsSync(CHROMIUM);
  if (!present) console.warn(`${what} skipped: no Chromium at ${CHROMIUM} (apt-get install chromium; .ci/run does).`);
  return present;
}

/** Headless Chromium as the browser tests run it: no sandbox (CI runs as root), nothing of its own on the network. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
