import { useId, useState } from 'react';
import { newLinkSecret } from '../../crypto/keyBoxes';
import { invitationLink } from '../../domain/invitation';
import type { PairWithPeople } from '../../domain/pairWithPeople';
import type { SyncAccount } from '../../domain/syncAccount';
import { InvitationKeysError, putDeviceBox } from '../../sync/invitationKeys';
import { pairKeysToShare } from '../../sync/pairKeys';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { DeviceLink } from './DeviceLink';
import { setUpFailureMessage } from './setUpFailureMessage';

interface NewDeviceLinksProps {
  account: SyncAccount;
  row: PairWithPeople;
}

interface MadeLink {
  name: string;
  link: string;
}

/**
 * A partner's device lets a new device in (a new phone, theirs or their partner's): it boxes the
 * pair's keys for a new secret, puts the box on the server, and shows a link carrying the secret in
 * its fragment. The new device signs in with its person's own password and takes the keys: the
 * server never holds a key it can open.
 */
export function NewDeviceLinks({ account, row }: NewDeviceLinksProps) {
  const headingId = useId();
  const [made, setMade] = useState<MadeLink | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const people = [row.mentor, row.mentee].flatMap((person) => (person ? [person] : []));
  const ordered = [...people].sort((a, b) => Number(b.id === account.personId) - Number(a.id === account.personId));

  const makeLink = async (personId: string, name: string) => {
    setBusy(true);
    setError(null);
    setMade(null);
    try {
      const keys = await pairKeysToShare(row.pair.id);
      if (!keys) {
        setError('This device holds no keys for this pair yet: open the invitation link your coordinator sent first.');
        return;
      }
      const secret = newLinkSecret();
      await putDeviceBox({ serverUrl: account.serverUrl }, account.personId, row.pair.id, secret, keys);
      const link = invitationLink(window.location.origin, {
        serverUrl: account.serverUrl,
        personId,
        pairId: row.pair.id,
        name,
        rev: null,
        code: null,
        secret,
        device: true,
      });
      setMade({ name, link });
    } catch (failure) {
      setError(failure instanceof InvitationKeysError ? failure.message : setUpFailureMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>A new device</h2>
      <p>
        A new phone or computer joins this pair with a link made here, and the password of the person whose device it
        is. The link carries the pair’s keys in a form only it opens, works once, for a week; the server never sees a
        key.
      </p>
      <p>
        {ordered.map((person) => (
          <button
            key={person.id}
            type="button"
            className="button"
            disabled={busy}
            onClick={() => void makeLink(person.id, person.name)}
          >
            {person.id === account.personId
              ? 'A link for a new device of mine'
              : `A link for ${person.name}’s new device`}
          </button>
        ))}
      </p>
      <ErrorMessage message={error} />
      {made ? (
        <DeviceLink
          label={`New device link for ${made.name}`}
          link={made.link}
          qrLabel={`QR code of the new device link for ${made.name}.`}
          stillNeeds={`${made.name}’s own password`}
        />
      ) : null}
    </section>
  );
}
