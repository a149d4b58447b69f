import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PLAN_JSON_SCHEMA_FILE, renderPlanJsonSchema } from './plan-json-schema';

// `npm run schema`: regenerates the committed JSON Schema of `plan --format json` from its zod schema.
const file = join(__dirname, '..', PLAN_JSON_SCHEMA_FILE);
writeFileSync(file, renderPlanJsonSchema());
process.stdout.write(`wrote ${PLAN_JSON_SCHEMA_FILE}\n`);
