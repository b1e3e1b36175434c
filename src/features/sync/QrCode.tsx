import { useMemo } from 'react';
import { encode } from 'uqr';

/** Modules of light margin around the code, as scanners expect. */
const QUIET_ZONE = 4;

/**
 * A QR code's dark modules as one SVG path, a run of dark modules in a row per rectangle, in a
 * square of `size` modules. Drawn by the app from uqr's module matrix: no markup from elsewhere.
 */
export function qrCodePath(text: string): { size: number; path: string } {
  const { size, data } = encode(text, { ecc: 'M', border: QUIET_ZONE });
  const parts: string[] = [];
  data.forEach((row, y) => {
    let x = 0;
    while (x < row.length) {
      if (!row[x]) {
        x += 1;
        continue;
      }
      const start = x;
      while (x < row.length && row[x]) x += 1;
      parts.push(`M${start} ${y}h${x - start}v1h${start - x}z`);
    }
  });
  return { size, path: parts.join('') };
}

/** A QR code of `text`; `label` is its text alternative, saying what scanning it does. */
export function QrCode({ text, label }: { text: string; label: string }) {
  const { size, path } = useMemo(() => qrCodePath(text), [text]);
  return (
    <svg className="qr-code" viewBox={`0 0 ${size} ${size}`} role="img" aria-label={label} shapeRendering="crispEdges">
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
