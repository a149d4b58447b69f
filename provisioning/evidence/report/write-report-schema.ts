import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { evidenceReportJsonSchema } from './report-model';

// `npx tsx provisioning/evidence/report/write-report-schema.ts`: regenerates the committed JSON Schema of
// `evidence report --format json` from the zod schema (a test fails when the two differ).
const file = join(__dirname, 'evidence-report.schema.json');
writeFileSync(file, `${JSON.stringify(evidenceReportJsonSchema(), null, 2)}\n`);
process.stdout.write(`wrote ${file}\n`);
