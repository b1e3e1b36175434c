import type { SyncAccount } from '../domain/syncAccount';

const since = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The server this device syncs with, as whom, and since when. */
export function SyncAccountDetails({ account, personName }: { account: SyncAccount; personName: string | undefined }) {
  return (
    <dl className="details">
      <dt>Server</dt>
      <dd>
        <code>{account.serverUrl}</code>
      </dd>
      <dt>Signed in as</dt>
      <dd>
        {personName ?? 'A person whose record has not reached this device yet'} (
        {account.role === 'coordinator' ? 'the program’s coordinator' : 'a partner in a pair'})
      </dd>
      <dt>Syncing since</dt>
      <dd>{since.format(new Date(account.since))}</dd>
    </dl>
  );
}
