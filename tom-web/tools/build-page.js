// Builds the chat page a node's web endpoint serves: src/page.js and everything it imports bundled into one ES
// module, next to the static files of page/. Run by the Maven build (into target/classes/page, so the jar carries
// it and the image gets it as web/); `node tools/build-page.js DIR` builds elsewhere.
import { cpSync, mkdirSync } from 'node:fs';
import { build } from 'esbuild';

const out = process.argv[2] ?? 'target/classes/page';
mkdirSync(out, { recursive: true });
await build({
  entryPoints: ['src/page.js'],
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  legalComments: 'eof',
  outfile: `${out}/tom-page.js`,
  logLevel: 'warning',
});
cpSync('page', out, { recursive: true });
