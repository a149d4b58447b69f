import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MANIFEST_JSON_SCHEMA_FILE, renderManifestJsonSchema } from './json-schema';

// `npm run schema`: regenerates the committed JSON Schema from the zod schema.
const file = join(__dirname, '..', MANIFEST_JSON_SCHEMA_FILE);
writeFileSync(file, renderManifestJsonSchema());
process.stdout.write(`wrote ${MANIFEST_JSON_SCHEMA_FILE}\n`);
