import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withControlsTable } from './catalogue-doc';
import { MANIFEST_JSON_SCHEMA_FILE, renderManifestJsonSchema } from './json-schema';

// `npm run schema`: regenerates the committed JSON Schema from the zod schema...
const file = join(__dirname, '..', MANIFEST_JSON_SCHEMA_FILE);
writeFileSync(file, renderManifestJsonSchema());
process.stdout.write(`wrote ${MANIFEST_JSON_SCHEMA_FILE}\n`);

// ... and the controls table of manifest/README.md from the control catalogue.
const readme = join(__dirname, 'README.md');
writeFileSync(readme, withControlsTable(readFileSync(readme, 'utf8')));
process.stdout.write('wrote the controls table of manifest/README.md\n');
