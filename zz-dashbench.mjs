import { chromium } from '@playwright/test';
import { generateProgram } from './tests/bench/generateProgram.mjs';
const today = new Date().toISOString().slice(0, 10);
const tables = { people: [], pairs: [], sessions: [], checkIns: [] };
generateProgram({ size: 'M', today, emit: (t, r) => tables[t].push(r) });
const browser = await chromium.launch({ executablePath: '/usr/lib/chromium/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto('http://localhost:4199/welcome');
await page.getByRole('heading', { level: 1 }).waitFor();
for (const [name, records] of Object.entries(tables)) {
  for (let i = 0; i < records.length; i += 20000) {
    await page.evaluate(async ({ name, chunk }) => {
      const db = await new Promise((res, rej) => { const r = indexedDB.open('mentorlog'); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
      await new Promise((res, rej) => { const tx = db.transaction(name, 'readwrite'); const s = tx.objectStore(name); for (const rec of chunk) s.put(rec); tx.oncomplete = res; tx.onerror = () => rej(tx.error); });
      db.close();
    }, { name, chunk: records.slice(i, i + 20000) });
  }
}
const coordinator = tables.people[0];
await page.evaluate((id) => localStorage.setItem('mentorlog.viewer', JSON.stringify({ state: { personId: id, role: 'coordinator' }, version: 1 })), coordinator.id);
for (let run = 0; run < 4; run++) {
  await page.goto('http://localhost:4199/pairs');
  await page.getByRole('heading', { level: 1 }).waitFor();
  const t0 = Date.now();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
  await page.waitForFunction(() => document.querySelectorAll('table.dashboard-table tbody tr').length >= 1000, null, { timeout: 120000, polling: 20 });
  const t1 = Date.now();
  await page.getByRole('table', { name: 'The program by month' }).waitFor({ timeout: 120000 });
  const t2 = Date.now();
  const raw = await page.evaluate(async () => { const t = performance.now(); const db = await new Promise((res) => { const r = indexedDB.open('mentorlog'); r.onsuccess = () => res(r.result); }); await new Promise((res) => { const q = db.transaction('checkIns').objectStore('checkIns').getAll(); q.onsuccess = res; }); db.close(); return performance.now() - t; });
  console.log(`run ${run}: dashboard table ${t1 - t0} ms, monthly ${t2 - t0} ms, raw getAll of check-ins ${Math.round(raw)} ms`);
}
await browser.close();
