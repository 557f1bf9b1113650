import { parseArgs } from 'node:util';
import { loadConfig } from '../server/src/config.js';
import { openDatabase } from '../server/src/platform/db/client.js';
import { generateScaleTenant } from './scale-data.js';

/** `npm run seed:scale -- --scale 1 [--seed 42]`: adds one generated tenant to the configured database. */
const { values } = parseArgs({ options: { scale: { type: 'string', default: '1' }, seed: { type: 'string', default: '42' } } });
const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
await database.migrate();
const started = performance.now();
const result = await generateScaleTenant(database.db, Number(values.scale), Number(values.seed));
console.log(`Tenant ${result.tenantId}: ${JSON.stringify(result.counts)}, ${result.plantedDuplicates} planted duplicate leads, ${Math.round(performance.now() - started)} ms`);
await database.close();
