import { KeyObject } from 'node:crypto';
import { EVIDENCE_KEY_VARIABLE, evidencePrivateKey } from '../provisioning/evidence';
import { signEvidence } from './commands/evidence';

/**
 * Runs an apply or assess and then, when WEBEX_IAC_EVIDENCE_KEY holds the Ed25519 key, signs the
 * evidence log's heads (also after a failed run: its records need anchoring most). The key is parsed
 * before anything runs, so a bad key fails the command before it writes; it is never printed.
 */
export async function withSignedCheckpoints<T>(env: NodeJS.ProcessEnv, dir: string, err: NodeJS.WritableStream, run: () => Promise<T>): Promise<T> {
  const pem = env[EVIDENCE_KEY_VARIABLE];
  const key: KeyObject | undefined = pem ? evidencePrivateKey(pem) : undefined;
  let failed = true;
  try {
    const result = await run();
    failed = false;
    return result;
  } finally {
    if (key) {
      try {
        err.write(signEvidence(dir, key));
      } catch (error) {
        err.write(`Error: the evidence log was not signed: ${(error as Error).message}\n`);
        // A run that succeeded but could not be anchored is not a success.
        if (!failed) throw error;
      }
    }
  }
}
