import { useId } from 'react';
import { formatCode, invitationLink, type Invitation } from '../../domain/invitation';
import { CopyButton } from './CopyButton';
import { QrCode } from './QrCode';

interface InvitationCardProps {
  invitation: Invitation & { code: string };
  /** 'mentor' or 'mentee', as the pair has them. */
  side: string;
  /** Where this app is served, e.g. https://mentorlog.example.org: the link opens it there. */
  appOrigin: string;
}

/** One person's invitation: the link, the code to give separately, and both in a QR code for a phone. */
export function InvitationCard({ invitation, side, appOrigin }: InvitationCardProps) {
  const linkId = useId();
  const link = invitationLink(appOrigin, { ...invitation, code: null });
  const linkWithCode = invitationLink(appOrigin, invitation);
  const code = formatCode(invitation.code);
  return (
    <section className="card invitation" aria-labelledby={`${linkId}-heading`}>
      <h3 id={`${linkId}-heading`}>
        {invitation.name}, the {side}
      </h3>
      <label htmlFor={linkId}>Invitation link</label>
      <input
        id={linkId}
        className="invitation__link"
        readOnly
        value={link}
        onFocus={(event) => event.target.select()}
      />
      <p>
        <CopyButton text={link} label={`Copy ${invitation.name}’s link`} />
      </p>
      <p>
        One-time code: <strong className="invitation__code">{code}</strong>{' '}
        <CopyButton text={code} label={`Copy ${invitation.name}’s code`} />
      </p>
      <p className="field__hint">
        Send the link, and give the code another way (say it, or send it by another app): together they let anyone sign
        in as {invitation.name} until {invitation.name} chooses a password. The code works once.
      </p>
      <figure className="invitation__qr">
        <QrCode
          text={linkWithCode}
          label={`QR code of ${invitation.name}’s invitation link with the code in it: scanning it on ${invitation.name}’s phone opens the invitation ready to accept.`}
        />
        <figcaption>
          Or let {invitation.name} scan this with their phone: it holds the link and the code, so show it to{' '}
          {invitation.name} only.
        </figcaption>
      </figure>
    </section>
  );
}
