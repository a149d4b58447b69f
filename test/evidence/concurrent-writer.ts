// Run as its own process by concurrency.test.ts: appends N records as fast as it can, many at once.
import { EvidenceLog } from '../../provisioning/evidence';

const [dir, org, count, writer] = process.argv.slice(2) as [string, string, string, string];
const log = new EvidenceLog({ dir, toolVersion: 'concurrency-test' });
void Promise.all(
  Array.from({ length: Number(count) }, (_, i) =>
    log.append(org, { kind: 'plan', actor: { local: { user: writer, host: 'test' } }, command: `writer ${writer}`, details: { writer, i, padding: 'x'.repeat(2000 + i) } }),
  ),
).then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  },
);
