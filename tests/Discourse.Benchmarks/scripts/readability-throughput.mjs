// Times Mozilla Readability on jsdom over every .html file in the given folders; prints one JSON line.
// usage: node readability-throughput.mjs DIR [DIR ...]
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';

const files = process.argv.slice(2).flatMap(dir =>
  readdirSync(dir).filter(f => f.endsWith('.html')).sort().map(f => join(dir, f)));
const pages = files.map(f => readFileSync(f, 'utf8'));
const quiet = new VirtualConsole();
const extract = html => {
  const dom = new JSDOM(html, { url: 'https://example.org/page', virtualConsole: quiet });
  const article = new Readability(dom.window.document).parse();
  dom.window.close();
  return article?.textContent?.length ?? 0;
};
// Untimed warm-up on the first pages, as the .NET side does, so neither side is timed while its JIT warms up.
pages.slice(0, 10).forEach(extract);
let chars = 0;
const start = process.hrtime.bigint();
for (const html of pages) {
  chars += extract(html);
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
console.log(JSON.stringify({ tool: 'readability.js 0.6.0 + jsdom 26.1.0', pages: pages.length, seconds: +seconds.toFixed(3),
  pages_per_second: +(pages.length / seconds).toFixed(2), text_chars: chars }));
