// Prints the gzipped size of what the first screen loads: every script and stylesheet that
// dist/index.html references (the entry and its modulepreloads). Run after `npm run build`.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const dir = process.argv[2] ?? 'dist';
const html = readFileSync(`${dir}/index.html`, 'utf8');
const files = [...html.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((match) => match[1]);
let js = 0;
let css = 0;
for (const file of files) {
  const size = gzipSync(readFileSync(`${dir}/${file}`), { level: 9 }).length;
  if (file.endsWith('.js')) js += size;
  else css += size;
  console.log(`${(size / 1024).toFixed(1).padStart(7)} KB  ${file}`);
}
console.log(
  `First screen: ${(js / 1024).toFixed(1)} KB of JavaScript and ${(css / 1024).toFixed(1)} KB of CSS, gzipped.`,
);
