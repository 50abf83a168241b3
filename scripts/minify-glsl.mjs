// Writes a GLSL ES shader without its comments, indentation and blank lines, and without the spaces
// beside brackets, commas, semicolons and operators: the copy of shaders/ that the WebAssembly build
// embeds (about 4 KB of gzip less; the comments explain the anatomy to the people who edit the
// shaders). Statements keep their own lines and preprocessor lines are only trimmed, so a compile
// error's line still shows the statement, though its number is the minified file's. The native build
// embeds the files as they are.
// usage: node scripts/minify-glsl.mjs IN OUT
import fs from 'node:fs';

const [input, output] = process.argv.slice(2);
if (!input || !output) { console.error('usage: node scripts/minify-glsl.mjs IN OUT'); process.exit(2); }

export function minifyGlsl(source) {
  // Comments out (GLSL has no string literals, so // and /* cannot occur in anything else).
  const code = source.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, '')).replace(/\/\/[^\n]*/g, '');
  const lines = [];
  for (let line of code.split('\n')) {
    line = line.trim().replace(/[ \t]+/g, ' ');
    if (!line) continue;
    // A #define's spaces can matter ("#define F (x)" is not "#define F(x)"): only trimmed.
    if (!line.startsWith('#')) {
      line = line.replace(/ ?([{}()[\];,]) ?/g, '$1');
      // "a - b" to "a-b", never "a - -b" to "a--b" (a decrement): no space goes before a sign.
      line = line.replace(/ ?([-+*\/=<>!&|?:]+) (?![-+])/g, '$1');
    }
    lines.push(line);
  }
  return lines.join('\n') + '\n';
}

let text;
try {
  text = fs.readFileSync(input, 'utf8');
} catch (e) {
  console.error(`minify-glsl.mjs: ${input}: ${e.message}`);
  process.exit(1);
}
fs.writeFileSync(output, minifyGlsl(text));
