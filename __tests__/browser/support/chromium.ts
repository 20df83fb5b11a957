import chromium from '@sparticuz/chromium';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import puppeteer, { type Browser } from 'puppeteer-core';

// Headless Chromium from npm alone, with no system browser and no download at test time:
// @sparticuz/chromium carries the binary, puppeteer-core drives it. Our own argument list, not
// chromium.args: that one has --single-process and --disable-web-security, and these tests need
// real origin checks.

const EXTRACTED = join(tmpdir(), 'chromium');
const READY = join(tmpdir(), 'chromium.trinsic-connect-ready');
const LOCK = join(tmpdir(), 'chromium.trinsic-connect-lock');
const STALE_LOCK_MS = 120_000;

// Not instanceof Error: node:fs errors come from outside Jest's realm.
const isLockTaken = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && 'code' in error && error.code === 'EEXIST';

/**
 * The path of the Chromium binary, extracted once per machine. @sparticuz/chromium extracts to
 * the temp folder and takes a file that exists for a finished one, so test files starting in
 * parallel would run a half-written binary: one process extracts under a lock while the others
 * wait for it, and a marker says the extraction finished.
 */
const chromiumExecutable = async (): Promise<string> => {
  const deadline = Date.now() + STALE_LOCK_MS;
  while (!(existsSync(READY) && existsSync(EXTRACTED))) {
    try {
      mkdirSync(LOCK);
    } catch (error) {
      if (!isLockTaken(error)) throw error;
      // A holder that died leaves its lock behind; after a while it is taken over.
      const lock = statSync(LOCK, { throwIfNoEntry: false });
      if (lock !== undefined && Date.now() - lock.mtimeMs > STALE_LOCK_MS) {
        rmSync(LOCK, { recursive: true, force: true });
      }
      if (Date.now() > deadline) throw new Error('Chromium is still being extracted elsewhere');
      await delay(100);
      continue;
    }
    try {
      if (!existsSync(READY)) {
        // Whatever is there was not marked finished: it may be half written.
        rmSync(EXTRACTED, { force: true });
        writeFileSync(READY, await chromium.executablePath());
      }
    } finally {
      rmSync(LOCK, { recursive: true, force: true });
    }
  }
  return EXTRACTED;
};

interface BrowserOptions {
  /** Every request goes through this proxy (see proxy.ts), loopback ones included. */
  readonly proxyUrl?: string;
}

export const launchBrowser = async (options: BrowserOptions = {}): Promise<Browser> =>
  puppeteer.launch({
    executablePath: await chromiumExecutable(),
    headless: 'shell',
    // The first page is not used; each test opens its own.
    defaultViewport: { width: 1000, height: 800 },
    args: [
      // Chromium refuses its sandbox as root (CI containers, this machine).
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      '--disable-gpu',
      '--font-render-hinting=none',
      '--disable-domain-reliability',
      '--no-pings',
      ...(options.proxyUrl === undefined
        ? []
        : [
            `--proxy-server=${options.proxyUrl}`,
            // Loopback too goes through the proxy, so that it sees every request.
            '--proxy-bypass-list=<-loopback>',
          ]),
      // Names never resolve: nothing can leave the machine even past the proxy.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost, EXCLUDE [::1]',
    ],
  });
