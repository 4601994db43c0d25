import * as fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Browser, chromium } from 'playwright-core';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { corpusPath, describeWithCorpus } from '../support/corpus';
import { TestEnv, useTestEnv } from '../support/test-env';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOT = path.resolve(__dirname, '..', '..', 'output', 'web-page.png');

/**
 * The web page in a real browser, as a person uses it: pick a file, watch it go, play a clip.
 * Debian's chromium (scripts/test.sh installs it), driven by playwright-core; no browser download.
 */
describeWithCorpus('the web page, in headless Chromium', () => {
  let env: TestEnv;
  let api: INestApplication;
  let worker: INestApplicationContext;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    env = useTestEnv({ MAX_UPLOAD_BYTES: '3000000' });
    api = await createApiApp(['error', 'warn']);
    await api.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(api.getHttpServer().address() as AddressInfo).port}`;
    worker = await NestFactory.createApplicationContext(WorkerModule, {
      logger: ['error', 'warn'],
    });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--autoplay-policy=no-user-gesture-required'],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await api?.close();
    env?.cleanup();
  });

  it('uploads a video, shows live progress, then clips that play, with their curl calls', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    page.on('response', (r) => r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`));
    await page.goto(base);
    await page.getByRole('spinbutton', { name: 'Clips' }).fill('1');
    await page.getByRole('spinbutton', { name: 'Shortest (s)' }).fill('3');
    await page.getByRole('spinbutton', { name: 'Longest (s)' }).fill('8');
    await page.locator('#file').setInputFiles(corpusPath('video/lrs2_00016.mp4'));
    await page.getByRole('button', { name: 'Upload and make clips' }).click();

    // Live progress arrives while the job runs.
    await page.waitForFunction(
      () => /%/.test(document.getElementById('stage-line')?.textContent ?? ''),
      null,
      { timeout: 60_000 },
    );
    await page.locator('.clip video').first().waitFor({ timeout: 240_000 });
    expect(await page.locator('#job-line').textContent()).toMatch(/completed/);
    expect(await page.locator('.clip h3').first().textContent()).toMatch(/^1\. \S/);
    expect(await page.locator('.clip .score').first().textContent()).toMatch(/^score \d+/);
    expect(await page.locator('.clip .downloads a').allTextContents()).toEqual([
      'MP4',
      'SRT',
      'VTT',
    ]);

    // The clip plays: it knows its length and its clock advances.
    const played = await page
      .locator('.clip video')
      .first()
      .evaluate(async (v: HTMLVideoElement) => {
        v.muted = true;
        if (v.readyState < 1)
          await new Promise((r) => v.addEventListener('loadedmetadata', r, { once: true }));
        await v.play();
        const t0 = v.currentTime;
        await new Promise((r) => setTimeout(r, 1500));
        return { duration: v.duration, advanced: v.currentTime - t0, tracks: v.textTracks.length };
      });
    expect(played.duration).toBeGreaterThan(2);
    expect(played.advanced).toBeGreaterThan(0.5);
    expect(played.tracks).toBe(1);

    const curl = await page.locator('#curl').textContent();
    expect(curl).toMatch(/curl -sS http:\/\/127\.0\.0\.1:\d+\/api\/upload-video/);
    expect(curl).toMatch(/-F maxClips=1/);
    expect(curl).toMatch(/\/api\/jobs\/[0-9a-f-]{36}\/events/);
    expect(await page.locator('#jobs li').count()).toBeGreaterThan(0);
    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(fs.statSync(SCREENSHOT).size).toBeGreaterThan(20_000);
    expect(errors).toEqual([]);
  }, 300_000);

  it('asks for an API key when the server wants one', async () => {
    const keyed = useTestEnv({ AUTH_DISABLED: 'false' });
    const other = await createApiApp(['error']);
    await other.listen(0, '127.0.0.1');
    const page = await browser.newPage();
    const seen: string[] = [];
    page.on('console', (m) => seen.push(`console ${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => seen.push(`error: ${e.message}`));
    page.on('response', (r) => seen.push(`${r.status()} ${r.url()}`));
    try {
      await page.goto(`http://127.0.0.1:${(other.getHttpServer().address() as AddressInfo).port}`);
      const key = page.getByLabel('Key', { exact: true });
      await key.waitFor({ timeout: 20_000 });
      await key.fill('cgk_not_a_real_key');
      await page.getByRole('button', { name: 'Use key' }).click();
      await page.getByText('That key was not accepted.').waitFor({ timeout: 20_000 });
    } catch (err) {
      throw new Error(`${(err as Error).message}\n${seen.join('\n')}`);
    } finally {
      // The page's keep-alive connections would hold the server's close open.
      await page.close();
      await other.close();
      keyed.cleanup();
    }
  }, 90_000);
});
