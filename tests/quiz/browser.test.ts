import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quizRenderer } from '../../src/render/quiz/quizRenderer.js';
import type { RenderContext } from '../../src/render/Renderer.js';
import { run } from '../../src/run.js';
import { HOSTILE, hostileDocument } from './hostileDocument.js';

/**
 * The quiz page in a real browser: Debian's chromium driven by playwright-core, the page opened from
 * disk with every request that is not a file: URL aborted (and recorded, so a test fails on it).
 * .ci/run installs chromium; elsewhere the suite is skipped when it is missing, and fails in CI.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && process.env.CI) throw new Error(`chromium not found at ${CHROMIUM}: .ci/run installs it with apt-get`);
const suite = haveChromium ? describe : describe.skip;
if (!haveChromium) console.warn(`quiz browser tests skipped: no chromium at ${CHROMIUM} (apt-get install chromium)`);

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const temp = mkdtempSync(join(tmpdir(), 'revise-quiz-browser-'));
let browser: Browser;

const NOTES = `# Cell biology

## Organelles

- **Nucleus**: holds the genetic material of the cell.
- **Mitochondrion**: produces most of the cell's energy as ATP.
- **Ribosome**: assembles proteins from amino acids.
- **Chloroplast**: carries out photosynthesis in plant cells.

## Self-test

Q: What is the basic unit of life?
A: The cell

Q: Which molecule carries genetic information?
A: DNA

Q: What process makes glucose from light?
A: Photosynthesis

Q: What does osmosis move across a membrane?
A: Water
`;

async function build(dir: string, notes: string): Promise<string> {
  writeFileSync(join(dir, 'cells.md'), notes);
  const result = await run({ command: 'build', paths: [join(dir, 'cells.md')], out: join(dir, 'out'), formats: ['quiz'], quiet: true }, { stdout: () => {}, stderr: () => {} });
  expect(result.code).toBe(0);
  return join(dir, 'out', 'cells.quiz.html');
}

interface Opened {
  context: BrowserContext;
  page: Page;
  /** Requests the page tried that were not file: URLs, and page errors. */
  offPage: string[];
  errors: string[];
}

async function open(path: string, options: Parameters<Browser['newContext']>[0] = {}, context?: BrowserContext): Promise<Opened> {
  const ctx = context ?? (await browser.newContext(options));
  const offPage: string[] = [];
  const errors: string[] = [];
  await ctx.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    offPage.push(url);
    return route.abort();
  });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('dialog', (d) => {
    errors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(pathToFileURL(path).href);
  return { context: ctx, page, offPage, errors };
}

type PageData = { chapters: { questions: { id: string; stem: string; options: { text: string; correct: boolean }[] }[]; cards: { id: string }[] }[] };
const pageData = (page: Page) => page.evaluate(() => JSON.parse(document.getElementById('quiz-data')!.textContent!) as PageData);

/** The "All themes" row of the progress table: questions seen, correct, cards studied, cards due. */
async function totals(page: Page): Promise<string[]> {
  await page.keyboard.press('p');
  return page.locator('#progress-table tbody tr').first().locator('td').allTextContents();
}

async function answer(page: Page, rightly: boolean): Promise<string> {
  const stem = (await page.locator('#question-stem').textContent())!;
  const data = await pageData(page);
  const q = data.chapters[0].questions.find((x) => x.stem === stem)!;
  const index = q.options.findIndex((o) => o.correct === rightly);
  await page.keyboard.press(String(index + 1));
  await page.keyboard.press('Enter');
  await expect.poll(() => page.locator('#feedback .verdict').textContent()).toBe(rightly ? 'Correct.' : 'Not quite.');
  return q.id;
}

beforeAll(async () => {
  if (!haveChromium) return;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
});
afterAll(async () => {
  await browser?.close();
  rmSync(temp, { recursive: true, force: true });
});

suite('the quiz page in chromium', () => {
  it('grades cards and answers questions from the keyboard, and finds the progress after a reload', async () => {
    const dir = mkdtempSync(join(temp, 'keep-'));
    const page1 = await open(await build(dir, NOTES));
    const { page } = page1;
    const cards = (await pageData(page)).chapters[0].cards.length;
    const questions = (await pageData(page)).chapters[0].questions.length;
    await expect.poll(() => page.locator('#card-counts').textContent()).toBe(`0 due · ${cards} new · ${cards} cards`);
    for (let i = 0; i < 2; i++) {
      const front = await page.locator('#card-front').textContent();
      await page.keyboard.press('Space');
      await expect.poll(() => page.locator('#card-back').isVisible()).toBe(true);
      await page.keyboard.press('3');
      await expect.poll(() => page.locator('#card-front').textContent()).not.toBe(front);
    }
    await page.keyboard.press('q');
    await answer(page, true);
    await page.keyboard.press('Enter');
    await answer(page, false);
    expect(await page.locator('#feedback').textContent()).toContain('Source: cells.md:');
    expect(await totals(page)).toEqual([`2 / ${questions}`, '1', `2 / ${cards}`, '0']);
    await page.reload();
    expect(await totals(page)).toEqual([`2 / ${questions}`, '1', `2 / ${cards}`, '0']);
    await page.keyboard.press('c');
    await expect.poll(() => page.locator('#card-counts').textContent()).toBe(`0 due · ${cards - 2} new · ${cards} cards`);
    expect(page1.offPage).toEqual([]);
    expect(page1.errors).toEqual([]);
    await page1.context.close();
  });

  it('a page rebuilt without one question keeps the progress of every other one', async () => {
    const dir = mkdtempSync(join(temp, 'rebuild-'));
    const path = await build(dir, NOTES);
    const opened = await open(path);
    const { page } = opened;
    const cardsBefore = (await pageData(page)).chapters[0].cards.map((c) => c.id);
    for (let i = 0; i < cardsBefore.length; i++) {
      await page.keyboard.press('Space');
      await page.keyboard.press('3');
    }
    await page.keyboard.press('q');
    const answered: string[] = [];
    for (let i = 0; i < (await pageData(page)).chapters[0].questions.length; i++) {
      answered.push(await answer(page, true));
      await page.keyboard.press('Enter');
    }
    const stored = () => page.evaluate(() => JSON.parse(localStorage.getItem(Object.keys(localStorage).find((k) => k.startsWith('revise-quiz/'))!)!) as { q: Record<string, unknown>; c: Record<string, unknown> });
    const before = await stored();
    expect(Object.keys(before.q).sort()).toEqual([...answered].sort());
    expect(Object.keys(before.c).sort()).toEqual([...cardsBefore].sort());
    // The osmosis question leaves the notes: its card and questions go, the others keep their ids.
    await build(dir, NOTES.replace('Q: What does osmosis move across a membrane?\nA: Water\n', ''));
    await page.reload();
    const data = (await pageData(page)).chapters[0];
    const after = data.questions.map((q) => q.id);
    const kept = answered.filter((id) => after.includes(id));
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(answered.length);
    const now = await stored();
    expect(Object.keys(now.q).sort()).toEqual([...kept].sort());
    for (const id of kept) expect(now.q[id]).toEqual(before.q[id]);
    const cardsAfter = data.cards.map((c) => c.id);
    expect(cardsAfter).toHaveLength(cardsBefore.length - 1);
    expect(Object.keys(now.c).sort()).toEqual([...cardsAfter].sort());
    for (const id of cardsAfter) expect(now.c[id]).toEqual(before.c[id]);
    expect(await totals(page)).toEqual([`${kept.length} / ${after.length}`, String(kept.length), `${cardsAfter.length} / ${cardsAfter.length}`, '0']);
    await opened.context.close();
  });

  it('axe-core finds no serious or critical violation in any view', async () => {
    const dir = mkdtempSync(join(temp, 'axe-'));
    // axe is injected through the DevTools protocol, which the page's CSP rightly refuses to scripts.
    const opened = await open(await build(dir, NOTES), { bypassCSP: true });
    const { page } = opened;
    await page.evaluate(axeSource);
    const check = async (view: string) => {
      // Contrast is measured on the settled page, not halfway through the answer's fade-in.
      await page.waitForFunction(() => document.getAnimations().every((a) => a.playState === 'finished'));
      const result = await page.evaluate(() => (window as unknown as { axe: { run: (o: unknown) => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe.run({ resultTypes: ['violations'] }));
      const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${view}: ${v.id} (${v.nodes.length})`);
      expect(bad).toEqual([]);
      return result.violations.length;
    };
    await check('cards');
    await page.keyboard.press('Space');
    await check('card answer');
    await page.keyboard.press('q');
    await check('question');
    await answer(page, false);
    await check('feedback');
    await page.keyboard.press('p');
    await check('progress');
    await opened.context.close();
  });

  it('shows hostile notes literally and runs none of them; no request leaves the page', async () => {
    const doc = hostileDocument();
    const context: RenderContext = { sourcePath: doc.file, sourceAbsolutePath: null, templatesDir: null, timestamp: 0, options: {}, report: () => {} };
    const html = (await quizRenderer.render(doc, context)) as string;
    const path = join(temp, 'hostile.quiz.html');
    writeFileSync(path, html);
    const opened = await open(path);
    const { page } = opened;
    expect(await page.locator('h1').textContent()).toBe(doc.title);
    expect(await page.evaluate(() => document.querySelectorAll('script').length)).toBe(4);
    const fronts = new Set<string>();
    for (let i = 0; i < 40 && (await page.locator('#card').isVisible()); i++) {
      fronts.add((await page.locator('#card-front').textContent())!);
      await page.keyboard.press('Space');
      await page.keyboard.press('4');
    }
    expect(fronts).toContain(HOSTILE.script);
    expect(fronts).toContain('مرحبا');
    expect(fronts).toContain(HOSTILE.rtl);
    expect([...fronts].some((f) => f.includes(`What does ${HOSTILE.img} show?`))).toBe(true);
    await page.keyboard.press('q');
    await expect.poll(() => page.locator('#question-stem').textContent()).not.toBe('');
    // The print view holds every stem and option as text.
    await page.evaluate(() => (window.print = () => {}));
    await page.click('#print');
    const printed = (await page.locator('#print-view').textContent())!;
    for (const s of [HOSTILE.specials, HOSTILE.script, HOSTILE.img, HOSTILE.cdata]) expect(printed).toContain(s);
    // A request from the page is refused by its Content-Security-Policy before the router sees it.
    const fetched = await page.evaluate(() => fetch('https://example.org/').then(() => 'sent', () => 'refused'));
    expect(fetched).toBe('refused');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(opened.errors.filter((e) => !/Content Security Policy|Failed to fetch/.test(e))).toEqual([]);
    expect(opened.offPage).toEqual([]);
    await opened.context.close();
  });

  it('fits a phone screen, follows reduced motion, and speaks the notes language', async () => {
    const dir = mkdtempSync(join(temp, 'phone-'));
    const path = await build(dir, NOTES);
    const opened = await open(path, { viewport: { width: 360, height: 640 }, reducedMotion: 'reduce' });
    const { page } = opened;
    for (const key of ['c', 'q', 'p']) {
      await page.keyboard.press(key);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    }
    await page.keyboard.press('c');
    await page.keyboard.press('Space');
    expect(await page.evaluate(() => getComputedStyle(document.getElementById('card-back-wrap')!).animationName)).toBe('none');
    await opened.context.close();
    for (const [lang, text] of [['fr', 'Voir la réponse'], ['zh', '显示答案']]) {
      const d = mkdtempSync(join(temp, `${lang}-`));
      const o = await open(await build(d, `---\nlang: ${lang}\n---\n${NOTES}`));
      expect(await o.page.locator('#show-answer').textContent()).toContain(text);
      expect(await o.page.getAttribute('html', 'lang')).toBe(lang);
      await o.context.close();
    }
  });

  it('prints the questions, then the answer key on a page of its own', async () => {
    const dir = mkdtempSync(join(temp, 'print-'));
    const opened = await open(await build(dir, NOTES));
    const { page } = opened;
    await page.evaluate(() => (window.print = () => {}));
    await page.click('#print');
    const pdf = join(dir, 'print.pdf');
    await page.pdf({ path: pdf, format: 'A4' });
    let pages: string[];
    try {
      pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim());
    } catch {
      if (process.env.CI) throw new Error('pdftotext is missing (scripts/ci-pdf.sh installs poppler-utils)');
      return;
    }
    const keyPage = pages.findIndex((p) => p.includes('Answer key'));
    expect(keyPage).toBeGreaterThan(0);
    expect(pages[keyPage].trimStart().startsWith('Answer key')).toBe(true);
    expect(pages[0]).toContain('Questions');
    expect(pages.slice(0, keyPage).join('\n')).toContain('What is the basic unit of life?');
    expect(pages.slice(keyPage).join('\n')).toMatch(/[A-D] — The cell/);
    await opened.context.close();
  });
});
