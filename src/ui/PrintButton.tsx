/** Opens the browser's print dialog; the print stylesheet leaves out navigation and controls. */
export function PrintButton({ label = 'Print report' }: { label?: string }) {
  return (
    <button type="button" className="button print-button" onClick={() => window.print()}>
      {label}
    </button>
  );
}
