import { chromium } from '@playwright/test';
import { preview } from 'vite';
import { existsSync } from 'node:fs';
const root = '/work/main';
const server = await preview({ root, logLevel: 'warn', build: { outDir: 'dist-bench' }, preview: { port: 4193, strictPort: true } });
const fresh = !existsSync('/tmp/bench-profile-M');
const context = await chromium.launchPersistentContext('/tmp/bench-profile-M', { executablePath: '/usr/lib/chromium/chromium', args: ['--no-sandbox','--disable-gpu'], baseURL: 'http://localhost:4193', serviceWorkers: 'block' });
const page = await context.newPage();
page.setDefaultTimeout(300000);
const manifest = JSON.parse((await import('node:fs')).readFileSync(root + '/tests/bench/.data/program-M.manifest.json', 'utf8'));
if (fresh) {
  await page.goto('/restore');
  await page.getByLabel('Backup or shared pair file').setInputFiles(manifest.files[0]);
  await page.getByRole('button', { name: 'Import' }).click();
  await page.locator('.import-outcome').waitFor({ timeout: 300000 });
  await page.evaluate((id) => localStorage.setItem('mentorlog.viewer', JSON.stringify({ state: { personId: id, role: 'coordinator' }, version: 1 })), manifest.coordinatorId);
}
await page.goto('/guidance');
const script = process.argv[2];
const result = await page.evaluate(script);
console.log(JSON.stringify(result, null, 1));
await context.close(); server.httpServer.close();
