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
const windowStart = new Date(Date.now() - 89 * 86400000).toISOString().slice(0, 10);
for (let run = 0; run < 3; run++) {
  const r = await page.evaluate(async (ws) => {
    const db = await new Promise((res) => { const r = indexedDB.open('mentorlog'); r.onsuccess = () => res(r.result); });
    const t0 = performance.now();
    const pairs = await new Promise((res) => { const q = db.transaction('pairs').objectStore('pairs').getAll(); q.onsuccess = () => res(q.result); });
    const t1 = performance.now();
    const tx = db.transaction(['sessions', 'checkIns']);
    let n = 0;
    await Promise.all(pairs.flatMap((p) => ['sessions', 'checkIns'].map((name) => new Promise((res) => {
      const q = tx.objectStore(name).index('[pairId+date]').getAll(IDBKeyRange.bound([p.id, ws], [p.id, []]));
      q.onsuccess = () => { n += q.result.length; res(); };
    }))));
    const t2 = performance.now();
    // One cursor walk of 4 steps per pair, to compare.
    const tx2 = db.transaction(['checkIns']);
    await Promise.all(pairs.map((p) => new Promise((res) => {
      let steps = 0;
      const q = tx2.objectStore('checkIns').index('[pairId+date]').openCursor(IDBKeyRange.bound([p.id, ''], [p.id, []]), 'prev');
      q.onsuccess = () => { const c = q.result; if (!c || ++steps >= 4) return res(); c.continue(); };
    })));
    const t3 = performance.now();
    db.close();
    return { pairs: t1 - t0, ranges: t2 - t1, records: n, cursors: t3 - t2 };
  }, windowStart);
  console.log(JSON.stringify(r));
}
await browser.close();
