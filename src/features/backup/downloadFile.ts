/**
 * Hands text to the browser as a file download: a Blob behind an object URL, clicked through a
 * link with `download`. Works offline and under the app's Content-Security-Policy, which allows
 * `blob:` URLs.
 */
export function downloadFile(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
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
