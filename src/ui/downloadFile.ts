/**
 * Hands text to the browser as a file download: a Blob behind an object URL, clicked through a
 * link with `download`. Works offline and under the app's Content-Security-Policy, which allows
 * `blob:` URLs. A file already made as a Blob (a large backup) is handed over as it is.
 */
export function downloadFile(fileName: string, file: string | Blob, type = 'application/json'): void {
  const url = URL.createObjectURL(typeof file === 'string' ? new Blob([file], { type }) : file);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser reads the blob after click() returns; give it time before letting the memory go.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
