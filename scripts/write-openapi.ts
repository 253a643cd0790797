// Writes src/api/openapi.json from the valibot schemas (see src/api/openapi.ts).
import { writeFileSync } from 'node:fs';
import { buildOpenApi } from '../src/api/openapi.js';

const target = new URL('../src/api/openapi.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(buildOpenApi(), null, 2)}\n`);
console.log(`wrote ${target.pathname.split('/').slice(-3).join('/')}`);
