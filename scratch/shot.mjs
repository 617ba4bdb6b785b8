import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 800, height: 900 } });
const errors = [];
page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
page.on('pageerror', (e) => errors.push(String(e)));
await page.goto('file:///tmp/mo/physics.quiz.html');
await page.waitForTimeout(500);
// Show answers of several cards
for (let i = 0; i < 2; i++) { await page.keyboard.press('Space'); await page.waitForTimeout(200); await page.keyboard.press('3'); await page.waitForTimeout(200); }
await page.keyboard.press('Space');
await page.waitForTimeout(300);
await page.screenshot({ path: '/tmp/mo/quiz1.png' });
await page.keyboard.press('q');
await page.waitForTimeout(300);
await page.screenshot({ path: '/tmp/mo/quiz2.png' });
console.log(errors);
await browser.close();
