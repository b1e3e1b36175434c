import { useId, type ReactNode } from 'react';
import { CopyButton } from './CopyButton';
import { QrCode } from './QrCode';

interface DeviceLinkProps {
  /** The link's label, naming whose new device it is for. */
  label: string;
  link: string;
  qrLabel: string;
  /** Whose password the new device still needs, e.g. "your own password". */
  stillNeeds: string;
  /** Said before the copy button, e.g. how many keys the link carries. */
  children?: ReactNode;
}

/** A made link for a new device: to copy, or to scan on the device itself. */
export function DeviceLink({ label, link, qrLabel, stillNeeds, children }: DeviceLinkProps) {
  const id = useId();
  return (
    <div className="invitation">
      <label htmlFor={id}>{label}</label>
      <input id={id} className="invitation__link" readOnly value={link} onFocus={(event) => event.target.select()} />
      <p>
        {children}
        <CopyButton text={link} label="Copy the link" />
      </p>
      <figure className="invitation__qr">
        <QrCode text={link} label={qrLabel} />
        <figcaption>Or scan this on the new device. It still needs {stillNeeds}.</figcaption>
      </figure>
    </div>
  );
}
