// Regenerates docs/quiz-page.png (the README's picture of the quiz page) with Debian's chromium:
//   npm run build && node scripts/quiz-screenshot.mjs
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { run } from '../dist/run.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'revise-shot-'));
const quiet = { stdout: () => {}, stderr: () => {} };
await run({ command: 'build', paths: [join(root, 'input/photosynthese.md')], out, formats: ['quiz'], quiet: true }, quiet);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const page = await browser.newPage({ viewport: { width: 760, height: 760 }, reducedMotion: 'reduce' });
await page.goto(pathToFileURL(join(out, 'photosynthese.quiz.html')).href);
await page.keyboard.press('q');
await page.keyboard.press('2');
await page.keyboard.press('Enter');
await page.screenshot({ path: join(root, 'docs/quiz-page.png') });
await browser.close();
rmSync(out, { recursive: true, force: true });
console.log('wrote docs/quiz-page.png');
