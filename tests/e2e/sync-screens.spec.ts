import { expect, test, type Page, type Route } from '@playwright/test';
import { demoScenario } from '../../src/domain/demoScenarios';
import { expectNoAxeViolations } from './axe';
import { escapeRegExp } from './journey';

/*
 * Sync's screens in a real browser: connect, invite and join, with their accessibility checked.
 * The program's server is answered by the test at /couch (the app's own origin, as in production):
 * these screens are about what the person sees and sends; the sync tests cover a real server.
 */

interface FakeServer {
  passwords: Map<string, string>;
  bodies: string[];
  docs: Map<string, Record<string, unknown>>;
}

async function answerAsCouch(page: Page, server: FakeServer): Promise<void> {
  const revs = new Map<string, number>();
  // Documents kept as written (one by one or in bulk), so that the invited device finds its key box.
  const docs = server.docs;
  await page.route('**/couch/**', async (route: Route) => {
    const request = route.request();
    const path = new URL(request.url()).pathname.replace(/^\/couch\//, '');
    const body = (request.postDataJSON() ?? null) as Record<string, unknown> | null;
    if (body) server.bodies.push(JSON.stringify(body));
    const reply = (status: number, json: unknown = {}) => route.fulfill({ status, json });
    if (path === '_session') {
      const name = String(body?.name);
      return server.passwords.get(name) === body?.password ? reply(200, { ok: true, name, roles: [] }) : reply(401);
    }
    const [database = ''] = path.split('/');
    if (request.method() === 'GET' && path.endsWith('/_all_docs')) return reply(200, { rows: [] });
    if (request.method() === 'GET') {
      const held = docs.get(path);
      return held ? reply(200, held) : reply(404, { error: 'not_found' });
    }
    if (request.method() === 'DELETE') {
      docs.delete(path);
      return reply(200, { ok: true });
    }
    if (path.endsWith('/_bulk_docs')) {
      const sent = (body?.docs as Record<string, unknown>[] | undefined) ?? [];
      for (const doc of sent) docs.set(`${database}/${encodeURIComponent(String(doc._id))}`, { ...doc, _rev: '1-a' });
      return reply(
        201,
        sent.map((doc) => ({ ok: true, id: doc._id, rev: '1-a' })),
      );
    }
    if (!path.includes('/')) return reply(201, { ok: true });
    const rev = (revs.get(path) ?? 0) + 1;
    revs.set(path, rev);
    const user = /^_users\/org\.couchdb\.user%3A(.+)$/.exec(path)?.[1];
    if (user) server.passwords.set(decodeURIComponent(user), String(body?.password));
    else if (body) docs.set(path, { ...body, _rev: `${rev}-a` });
    return reply(201, { ok: true, rev: `${rev}-a` });
  });
}

test('a coordinator connects and invites, and the invited mentee joins on another device', async ({ browser }) => {
  const coordinatorDevice = await browser.newContext();
  const page = await coordinatorDevice.newPage();
  const server: FakeServer = { passwords: new Map(), bodies: [], docs: new Map() };
  await answerAsCouch(page, server);
  await page.goto('/');
  await page.getByRole('button', { name: 'Explore a demo program' }).click();
  await expect(
    page.getByRole('link', { name: new RegExp(`Viewing as ${escapeRegExp(demoScenario.coordinator)}`) }),
  ).toBeVisible();

  await page.goto('/sync');
  await expect(page.getByRole('heading', { name: 'Connect to your program’s server' })).toBeVisible();
  await expectNoAxeViolations(page, 'the connect screen');
  await page.getByLabel('Administrator’s name').fill('admin');
  await page.getByLabel('Administrator’s password').fill('admin-password');
  await page.getByLabel('New password', { exact: true }).fill('coras own password');
  await page.getByLabel('New password again').fill('coras own password');
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(page.getByRole('heading', { name: 'This device syncs' })).toBeVisible();
  await expect(page.getByRole('banner').getByRole('status')).toBeVisible();
  await expectNoAxeViolations(page, 'the sync screen of a connected coordinator');

  await page
    .getByRole('link', { name: /^Invite / })
    .first()
    .click();
  await page.getByRole('button', { name: 'Make the invitations' }).click();
  const card = page.getByRole('region', { name: /, the mentee$/ });
  await expect(card.getByRole('img', { name: /QR code of/ })).toBeVisible();
  await expectNoAxeViolations(page, 'the invitations');
  const link = await card.getByLabel('Invitation link', { exact: true }).inputValue();
  const code = (await card.locator('.invitation__code').textContent()) ?? '';
  expect(new URL(link).pathname).toBe('/join');
  expect(new URL(link).search).toBe('');
  expect(link).not.toContain(code.replace(/-/g, ''));

  const menteeDevice = await browser.newContext();
  const phone = await menteeDevice.newPage();
  await answerAsCouch(phone, server);
  await phone.goto(link);
  await expect(phone.getByRole('heading', { name: /^Welcome, / })).toBeVisible();
  await expect.poll(() => new URL(phone.url()).hash).toBe('');
  await expectNoAxeViolations(phone, 'the join screen');
  await phone.getByLabel('Your one-time code').fill(code.toLowerCase());
  await phone.getByLabel('New password', { exact: true }).fill('my own password');
  await phone.getByLabel('New password again').fill('my own password');
  await phone.getByRole('button', { name: 'Join' }).click();
  await expect(phone.getByText('Fetching your pair…')).toBeVisible();
  expect([...server.passwords.values()]).toContain('my own password');
  await expectNoAxeViolations(phone, 'waiting for the pair');

  await coordinatorDevice.close();
  await menteeDevice.close();
});
