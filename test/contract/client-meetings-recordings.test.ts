import { Org } from '../../manifest';
import { RECORDINGS_LOOKBACK_DAYS } from '../../policies/rules/ret/RecordingsKeptSixYears';
import { applyPlan, planOrgs, readRemovedRecordings, WebexClient } from '../../provisioning';
import { CLINIC, CLINIC_MEETING_PASSWORDS, CLINIC_RECORDING_IDS, startSimulator } from '../../simulator';
import { clinicManifest } from '../helpers/clinic-manifest';
import { validateRequest, validateResponse } from './openapi-contract';

const TOKEN = 'contract-meetings-token-5b2e';

/** The clinic with its hosts' upcoming meetings managed, fixes allowed. */
function meetingsOrg(): Org {
  const org = clinicManifest().orgs[0]!;
  const site = org.sites[0]!;
  return { ...org, sites: [{ ...site, settings: { scheduledMeetingLobby: { path: `${site.path}/ScheduledMeetingLobby`, fixMeetings: true } } }] };
}

describe("List Meetings, Patch a Meeting and the admin recordings list agree with Cisco's spec", () => {
  test('plan, apply and the recordings read: every request and response validates; a PATCH carries only lobby fields', async () => {
    const sim = await startSimulator({ tokens: [TOKEN], seed: 'clinic' });
    try {
      const client = new WebexClient({ baseUrl: sim.url, token: TOKEN });
      const plan = await planOrgs(client, [meetingsOrg()]);
      expect(plan.changes.map((c) => Object.keys(c.after).length)).toEqual([2, 2]);
      await applyPlan(client, plan);
      expect((await planOrgs(client, [meetingsOrg()])).changes).toEqual([]);
      const recordings = await readRemovedRecordings(client, CLINIC.siteUrl, new Date(), RECORDINGS_LOOKBACK_DAYS);
      expect(recordings.windows).toBe(74);
      expect(recordings.removed.map((r) => `${r.id} ${r.status}`)).toEqual([`${CLINIC_RECORDING_IDS['Family conference']} purged`, `${CLINIC_RECORDING_IDS['Case review']} deleted`]);

      const meetingCalls = sim.exchanges.filter((e) => e.url.startsWith('/v1/meetings') || e.url.startsWith('/v1/admin/recordings'));
      expect(meetingCalls.filter((e) => e.method === 'GET' && e.url.startsWith('/v1/admin/recordings'))).toHaveLength(148);
      const patches = sim.exchanges.filter((e) => e.method === 'PATCH' && e.url.startsWith('/v1/meetings/'));
      expect(patches).toHaveLength(3);
      for (const patch of patches) {
        expect(Object.keys(patch.requestBody as object).sort()).toEqual(expect.arrayContaining(['hostEmail', 'sendEmail']));
        expect(Object.keys(patch.requestBody as object).every((k) => ['hostEmail', 'sendEmail', 'unlockedMeetingJoinSecurity', 'enableAutomaticLock'].includes(k))).toBe(true);
      }
      const problems = meetingCalls.flatMap((e) => [...validateRequest(e), ...validateResponse(e)].map((p) => `${e.method} ${e.url}: ${p}`));
      expect(problems).toEqual([]);
      // Webex sends each meeting's password; nothing webex-iac keeps or returns holds one.
      const kept = JSON.stringify([plan, recordings]);
      for (const password of CLINIC_MEETING_PASSWORDS) expect(kept.includes(password)).toBe(false);
    } finally {
      await sim.close();
    }
  });
});
