// Writes a JSON file without its whitespace and its "_comment..." keys (notes for the people who edit
// the content; the widget's reader skips them): the copy of content/ that the WebAssembly build embeds
// carries about 5 KB of gzip less. The native build and the site's content/ folder keep the files as
// they are.
// usage: node scripts/minify-json.mjs IN OUT
import fs from 'node:fs';

const [input, output] = process.argv.slice(2);
if (!input || !output) { console.error('usage: node scripts/minify-json.mjs IN OUT'); process.exit(2); }
const strip = (v) => {
  if (Array.isArray(v)) return v.map(strip);
  if (v === null || typeof v !== 'object') return v;
  return Object.fromEntries(Object.entries(v).filter(([k]) => !k.startsWith('_comment')).map(([k, x]) => [k, strip(x)]));
};
let value;
try {
  value = JSON.parse(fs.readFileSync(input, 'utf8'));
} catch (e) {
  console.error(`minify-json.mjs: ${input}: ${e.message}`);
  process.exit(1);
}
fs.writeFileSync(output, JSON.stringify(strip(value)));
