import { WebexClient } from '../client/webex-client';
import { watchWrites } from '../client/write-watch';
import { Plan } from '../plan';
import { DefaultSiteRepair, repairLeftDefaultSite } from '../settings/default-site-repair';
import { ApplyJournal } from './apply-journal';
import { EvidenceRecorder } from './evidence-recorder';

/**
 * Puts back a default site an earlier run left switched (default-site-repair.ts), before the apply's
 * plan is written or found to need nothing, with its requests in the evidence like every other write:
 * each recorded before it is sent and with its outcome, under the plan's first org (the default site is
 * the token user's, not an org's setting). Undefined when nothing was left switched.
 */
export async function repairDefaultSiteWithEvidence(client: WebexClient, plan: Plan, evidence: EvidenceRecorder | undefined): Promise<DefaultSiteRepair | undefined> {
  const org = plan.orgs[0];
  const journal = new ApplyJournal(evidence, client, plan);
  const watcher = org === undefined ? undefined : journal.watcherOf(org, 'defaultSite', 'token user');
  try {
    return await watchWrites(watcher, () => repairLeftDefaultSite(client));
  } finally {
    await journal.flush();
    if (journal.failure) throw journal.failure;
  }
}
