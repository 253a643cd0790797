// Writes docs/reliability.md from the failure matrix's tables (test/failure-matrix.table.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import { reliabilityMarkdown } from '../test/failure-matrix.table.js';

const target = new URL('../docs/reliability.md', import.meta.url);
mkdirSync(new URL('.', target), { recursive: true });
writeFileSync(target, reliabilityMarkdown());
console.log(`wrote ${target.pathname.split('/').slice(-2).join('/')}`);
