// Writes docs/axes.md from the axes table in src/core/axes.ts: `npx tsx scripts/axes-doc.ts`.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderAxesMarkdown } from '../src/core/axes-doc.ts';

const target = fileURLToPath(new URL('../docs/axes.md', import.meta.url));
writeFileSync(target, renderAxesMarkdown());
process.stdout.write(`wrote ${target}\n`);
