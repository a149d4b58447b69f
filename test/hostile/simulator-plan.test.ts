import { planOrgs, renderPlanJson, renderPlanMarkdown, renderPlanText, WebexClient } from '../../provisioning';
import type { RunningSimulator } from '../../simulator';
import { synthesizeMainManifest } from '../helpers/synth-main';
import { HOSTILE_CORPUS } from './corpus';
import { startClinicWith } from './seeded-simulator';
import { linkableText, markdownRenderedText, markdownStructure, terminalHazards } from './inspect';

const TOKEN = 'hostile-token-5c1d';
const HOSTILE = ['dr.lee', 'former.contractor', 'nurse.old'];

/** The clinic seed (test-only seeding, the API stays as Cisco specifies it) with hostile emails and display names on a host, an admin and an idle account. */
function simulatorWith(text: (i: number) => string): Promise<RunningSimulator> {
  return startClinicWith(TOKEN, (seed) => seed.people.forEach((record) => {
    const local = record.person.emails[0]!.split('@')[0]!;
    const i = HOSTILE.indexOf(local);
    if (i < 0) return;
    record.person.emails = [`${text(i)}@riverside-clinic.example`];
    record.person.displayName = text(i);
  }), Date.UTC(2026, 5, 15, 12));
}

async function planned(text: (i: number) => string) {
  const sim = await simulatorWith(text);
  try {
    const client = new WebexClient({ baseUrl: sim.url, token: TOKEN, sleep: async () => undefined });
    return await planOrgs(client, synthesizeMainManifest().orgs);
  } finally {
    await sim.close();
  }
}

describe('hostile people read from the simulator, through plan, drift and PR renderings', () => {
  const payloads = [HOSTILE_CORPUS.clearScreen!, HOSTILE_CORPUS.markdownImageLink!, `${HOSTILE_CORPUS.bidi} ${HOSTILE_CORPUS.htmlBreakout} ${HOSTILE_CORPUS.mention}`];
  const hostile = (i: number) => payloads[i]!;
  const benign = (i: number) => `benign${i}`;

  test('no control character, markup, link or mention from the live org reaches any rendering', async () => {
    const [plan, reference] = [await planned(hostile), await planned(benign)];
    const json = renderPlanJson(plan);
    // The payloads really flowed from Webex into the plan.
    expect(payloads.filter((p) => json.includes(JSON.stringify(p).slice(1, 20)))).not.toEqual([]);
    for (const mode of ['plan', 'drift'] as const) expect(terminalHazards(renderPlanText(plan, { mode, color: true }), true)).toEqual([]);
    const markdown = renderPlanMarkdown(plan, { maxLength: 10_000_000 });
    const expected = renderPlanMarkdown(reference, { maxLength: 10_000_000 });
    expect(markdownStructure(markdown)).toEqual(markdownStructure(expected));
    expect(linkableText(markdownRenderedText(markdown))).toEqual(linkableText(markdownRenderedText(expected)));
    expect(terminalHazards(json)).toEqual([]);
  }, 60_000);
});
