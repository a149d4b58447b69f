import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HIPAA_PACK } from './pack';
import { renderRulesDoc } from './rules-doc';

/** `npm run rules`: regenerates RULES.md at the repository root from the pack. */
const file = join(__dirname, '..', 'RULES.md');
writeFileSync(file, renderRulesDoc(HIPAA_PACK));
process.stdout.write(`wrote ${file}\n`);
