// `npm start` runs this first (the prestart script): builds the web app into dist/web when it is
// missing or older than its sources (web/**, vite.config.ts, and the src/core modules it bundles: the
// axes table and the lens renderer), so a fresh checkout serves the app with no extra step. Plain
// Node, no TypeScript runner.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = path.join(root, 'dist', 'web', 'index.html');
const sources = [path.join(root, 'web'), path.join(root, 'vite.config.ts'), path.join(root, 'src', 'core', 'axes.ts'),
  path.join(root, 'src', 'core', 'lens-render.ts')];

/** Newest modification time under a file or directory (node_modules and dotfiles skipped). */
function newest(p) {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const name of readdirSync(p)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    max = Math.max(max, newest(path.join(p, name)));
  }
  return max;
}

export function webBuildIsStale() {
  if (!existsSync(built)) return 'dist/web is missing';
  const builtAt = statSync(built).mtimeMs;
  const changed = sources.find((s) => newest(s) > builtAt);
  return changed ? `${path.relative(root, changed)} changed since the last build` : null;
}

const reason = webBuildIsStale();
if (process.env.LF_SKIP_WEB_BUILD === '1') {
  if (reason) console.log(`web app: ${reason}; not building (LF_SKIP_WEB_BUILD=1)`);
} else if (!reason) {
  console.log('web app: dist/web is up to date');
} else {
  console.log(`web app: ${reason}; building…`);
  const { build } = await import('vite');
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
  console.log('web app: built into dist/web');
}
