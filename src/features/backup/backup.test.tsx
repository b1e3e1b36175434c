import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { readAllRecords } from '../../data/exportBackup';
import { db } from '../../db/database';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, backupFileSchema } from '../../domain/backupFile';
import type { BackupRecords } from '../../domain/backupRecords';
import { useViewerStore } from '../../state/viewerStore';
import { aCheckIn, aPair, aPerson, aSession } from '../../test/builders';
import { renderApp, signInAs } from '../../test/renderApp';
import { seedRecords, storedRecords, storedSession } from '../../test/seedRecords';

interface Download {
  name: string;
  text: () => Promise<string>;
}

/** Catches the files the app hands to the browser to download, instead of downloading them. */
function catchDownloads(): Download[] {
  const downloads: Download[] = [];
  const blobs = new Map<string, Blob>();
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:mentorlog/${blobs.size}`;
    if (blob instanceof Blob) blobs.set(url, blob);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.getAttribute('href') ?? '');
    downloads.push({ name: this.download, text: async () => (blob ? blob.text() : '') });
  });
  return downloads;
}

function backupText(
  records: Partial<Record<keyof BackupRecords, unknown[]>>,
  scope: 'device' | 'pair' = 'device',
): string {
  return JSON.stringify({
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    appVersion: '0.1.0',
    exportedAt: '2026-03-21T18:00:00.000Z',
    scope,
    records: { people: [], pairs: [], sessions: [], checkIns: [], ...records },
  });
}

const jsonFile = (text: string, name = 'mentorlog-backup-2026-03-21.json') =>
  new File([text], name, { type: 'application/json' });

async function aPairOnDevice(mentorOverrides = {}) {
  const mentor = await signInAs('mentor', { name: 'Alex Chen', ...mentorOverrides });
  const mentee = aPerson({ name: 'Sam Lee' });
  const pair = aPair({ mentorId: mentor.id, menteeId: mentee.id });
  await db.people.add(mentee);
  await db.pairs.add(pair);
  return { mentor, mentee, pair };
}

describe('BackupPage', () => {
  it('downloads a backup of everything on the device, named for the day', async () => {
    const { mentor, pair } = await aPairOnDevice();
    await seedRecords({ sessions: [aSession({ pairId: pair.id, loggedById: mentor.id })] });
    const downloads = catchDownloads();
    const { user } = renderApp('/backup');

    expect(
      await screen.findByText(/with every record on this device: 2 people, 1 pair, 1 session and no check-ins\./),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Download a backup' }));

    expect(
      await screen.findByText(
        /^Your browser is downloading mentorlog-backup-\d{4}-\d{2}-\d{2}\.json, with 4 records\./,
      ),
    ).toHaveAttribute('role', 'status');
    expect(downloads).toHaveLength(1);
    expect(downloads[0]?.name).toMatch(/^mentorlog-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const file = backupFileSchema.parse(JSON.parse((await downloads[0]?.text()) ?? ''));
    expect(file.records).toEqual(await readAllRecords());
  });

  it('is in the main navigation', async () => {
    await signInAs('mentor');
    const { user } = renderApp('/pairs');
    await user.click(await screen.findByRole('link', { name: 'Backup' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Backup' })).toBeInTheDocument();
  });

  it('asks for a file before importing', async () => {
    await signInAs('mentor');
    const { user } = renderApp('/backup');
    await user.click(await screen.findByRole('button', { name: 'Import' }));
    expect(await screen.findByText('Choose a file to import.')).toBeInTheDocument();
    expect(screen.getByLabelText('Backup or shared pair file')).toHaveAttribute('aria-invalid', 'true');
  });

  it('imports a file and reports what was added and what was already here', async () => {
    const { mentor, mentee, pair } = await aPairOnDevice();
    const session = aSession({ pairId: pair.id, loggedById: mentor.id, notes: 'From the other device' });
    const { user } = renderApp('/backup');

    await user.upload(
      await screen.findByLabelText('Backup or shared pair file'),
      jsonFile(backupText({ people: [mentor, mentee], pairs: [pair], sessions: [session] })),
    );
    await user.click(screen.getByRole('button', { name: 'Import' }));

    const status = await screen.findByText(/^Imported mentorlog-backup-2026-03-21\.json/);
    expect(status.closest('[role="status"]')).toHaveTextContent(
      /1 record added\. 3 records were already up to date\.$/,
    );
    const table = screen.getByRole('table', { name: 'What the import did, by kind of record' });
    expect(within(table).getByRole('row', { name: 'Sessions 1 0 0 0' })).toBeInTheDocument();
    expect(within(table).getByRole('row', { name: 'People 0 0 2 0' })).toBeInTheDocument();
    expect(await storedSession(session.id)).toEqual(session);
  });

  it('counts in English at one: the record already here, the one kept, the one deleted with its pair', async () => {
    const { mentor, mentee, pair } = await aPairOnDevice();
    const deletedAt = '2026-03-01T00:00:00.000Z';
    await db.pairs.put({ ...pair, deletedAt, updatedAt: deletedAt });
    const kept = aSession({
      pairId: pair.id,
      loggedById: mentor.id,
      updatedAt: '2026-02-01T00:00:00.000Z',
      deletedAt: '2026-02-01T00:00:00.000Z',
    });
    await seedRecords({ sessions: [kept] });
    const fresh = aSession({
      pairId: pair.id,
      loggedById: mentee.id,
      loggedBy: 'mentee',
      updatedAt: '2026-03-05T00:00:00.000Z',
    });
    const { user } = renderApp('/backup');

    const older = { ...kept, deletedAt: null, updatedAt: '2026-01-20T00:00:00.000Z' };
    await user.upload(
      await screen.findByLabelText('Backup or shared pair file'),
      jsonFile(backupText({ people: [mentor], sessions: [older, fresh] })),
    );
    await user.click(screen.getByRole('button', { name: 'Import' }));

    const status = await screen.findByText(/^Imported mentorlog-backup-2026-03-21\.json/);
    expect(status.closest('[role="status"]')).toHaveTextContent(
      /1 record added\. 1 record was already up to date\. 1 record was kept as it is here, because this device has a newer version\. 1 session or check-in was marked deleted, because its pair is deleted\.$/,
    );
  });

  it('refuses a broken file, listing each problem with where it is, and changes nothing', async () => {
    const { mentor, mentee, pair } = await aPairOnDevice();
    const before = JSON.stringify(await readAllRecords());
    const badScore = aCheckIn({ pairId: pair.id, raterId: mentee.id, scores: { trust: 9 } });
    const orphan = aSession({ loggedById: mentor.id });
    const { user } = renderApp('/backup');

    await user.upload(
      await screen.findByLabelText('Backup or shared pair file'),
      jsonFile(backupText({ sessions: [orphan, { ...orphan }], checkIns: [badScore] }), 'edited.json'),
    );
    await user.click(screen.getByRole('button', { name: 'Import' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Nothing was imported from edited.json. The file has 2 problems:');
    expect(
      within(alert)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      `sessions[1] (id ${orphan.id}): id: is also the id of sessions[0]; every record needs its own id.`,
      `checkIns[0] (id ${badScore.id}): scores.trust: Scores go from 1 to 5 (found 9).`,
    ]);
    expect(alert).toHaveTextContent('Your records on this device are unchanged.');
    expect(JSON.stringify(await readAllRecords())).toBe(before);
  });

  it('says plainly when the file is not a backup at all', async () => {
    await signInAs('mentor');
    const { user } = renderApp('/backup');
    await user.upload(
      await screen.findByLabelText('Backup or shared pair file'),
      jsonFile('{"name":"budget"}', 'budget.json'),
    );
    await user.click(screen.getByRole('button', { name: 'Import' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /^Nothing was imported from budget\.json\. The file has a problem:\s*This is a JSON file, but not a Mentorlog backup/,
    );
  });

  it('shows a progress bar with a count while a large file is checked and saved', { timeout: 60_000 }, async () => {
    const { mentor, mentee, pair: paired } = await aPairOnDevice();
    // The sessions go back to 2024: the pairs started then (a session long before its pair started is refused).
    const pair = { ...paired, startDate: '2024-01-01' };
    await db.pairs.put(pair);
    // Saving writes whole months of a pair's records, a few hundred months a call (src/data/importBackup.ts):
    // the sessions are spread over pairs and months, as a program's are, so that saving takes several
    // calls. The other pairs are on the device already, so the file's counts are those of one pair.
    const otherPairs = Array.from({ length: 49 }, () =>
      aPair({ mentorId: mentor.id, menteeId: mentee.id, startDate: '2024-01-01' }),
    );
    await seedRecords({ pairs: otherPairs });
    const pairIds = [pair.id, ...otherPairs.map((other) => other.id)];
    const sessions = Array.from({ length: 19_997 }, (_, index) => {
      const month = Math.floor(index / pairIds.length) % 24;
      const date = `${2024 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-15`;
      return aSession({ pairId: pairIds[index % pairIds.length] ?? pair.id, loggedById: mentor.id, date });
    });
    const seen = new Set<string>();
    const observer = new MutationObserver(() => {
      const bar = document.querySelector('progress');
      if (bar)
        seen.add(
          `${bar.labels?.[0]?.textContent ?? ''}: ${bar.closest('.import-progress')?.querySelector('[role="status"]')?.textContent ?? ''}`,
        );
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    const { user } = renderApp('/backup');

    await user.upload(
      await screen.findByLabelText('Backup or shared pair file'),
      jsonFile(backupText({ people: [mentor, mentee], pairs: [pair], sessions })),
    );
    await user.click(screen.getByRole('button', { name: 'Import' }));
    await screen.findByText(/^Imported mentorlog-backup/, undefined, { timeout: 50_000 });
    observer.disconnect();

    // The page paints only when the import yields to it, which for the checks is after a slice of
    // time (a fast machine may check 20,000 records in one): how often checking reports its progress
    // is tested in src/data/importBackup.test.ts. Saving yields after every chunk it writes.
    const checking = [...seen].filter((text) => /^Checking the file: Checked [\d,]+ of 20,000 records$/.test(text));
    const saving = [...seen].filter((text) => /^Saving to this device: Imported [\d,]+ of 19,997 records$/.test(text));
    expect(checking.length).toBeGreaterThanOrEqual(1);
    expect(saving.length).toBeGreaterThanOrEqual(2);
    expect((await storedRecords()).sessions).toHaveLength(19_997);
  });
});

describe('restoring on a new device', () => {
  it('imports a shared pair from the welcome screen, then lets the person choose who they are', async () => {
    const mentor = aPerson({ name: 'Alex Chen' });
    const mentee = aPerson({ name: 'Sam Lee' });
    const pair = aPair({ mentorId: mentor.id, menteeId: mentee.id });
    const { user } = renderApp('/welcome');

    await user.click(await screen.findByRole('link', { name: 'Restore a backup or open a shared pair' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Restore a backup or open a shared pair' }),
    ).toBeInTheDocument();
    await user.upload(
      screen.getByLabelText('Backup or shared pair file'),
      jsonFile(backupText({ people: [mentor, mentee], pairs: [pair] }, 'pair')),
    );
    await user.click(screen.getByRole('button', { name: 'Import' }));

    expect(await screen.findByRole('heading', { name: 'Who are you?' })).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Person'), 'Sam Lee');
    await waitFor(() => expect(screen.getByLabelText('Role')).toHaveValue('mentee'));
    await user.click(screen.getByRole('button', { name: 'Continue' }));

    expect(await screen.findByRole('link', { name: /Alex Chen and Sam Lee/ })).toBeInTheDocument();
    expect(useViewerStore.getState()).toMatchObject({ personId: mentee.id, role: 'mentee' });
  });
});

describe('SharePairButton', () => {
  it("downloads the pair for the partner, without the sharer's private words", async () => {
    const { mentor, pair } = await aPairOnDevice();
    await seedRecords({
      checkIns: [
        aCheckIn({
          pairId: pair.id,
          side: 'mentor',
          raterId: mentor.id,
          reflection: 'Note to self: slow down.',
          notesVisibility: 'private',
        }),
      ],
    });
    const downloads = catchDownloads();
    const { user } = renderApp(`/pairs/${pair.id}`);

    await user.click(await screen.findByRole('button', { name: 'Share with your partner' }));

    expect(
      await screen.findByText(
        /^Your browser is downloading mentorlog-pair-alex-chen-sam-lee-\d{4}-\d{2}-\d{2}\.json\. Send it to Sam Lee;/,
      ),
    ).toBeInTheDocument();
    const text = (await downloads[0]?.text()) ?? '';
    const file = backupFileSchema.parse(JSON.parse(text));
    expect(file.scope).toBe('pair');
    expect(file.records.checkIns).toHaveLength(1);
    expect(text).not.toContain('Note to self');
  });

  it('is not offered to someone outside the pair', async () => {
    const mentor = aPerson();
    const mentee = aPerson();
    const pair = aPair({ mentorId: mentor.id, menteeId: mentee.id });
    await db.people.bulkAdd([mentor, mentee]);
    await db.pairs.add(pair);
    await signInAs('coordinator', { name: 'Morgan Reyes' });
    renderApp(`/pairs/${pair.id}`);

    expect(await screen.findByRole('heading', { name: 'Manage this pair' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Share with your partner' })).not.toBeInTheDocument();
  });
});
