import { inForce } from '../../citations';
import { judgeAttestation } from '../../judge';
import type { Rule } from '../../rule';

/** AI features that hear or read clinical sessions are either covered by the BAA or off. */
export const AiAssistantCovered: Rule = {
  id: 'WBX.GOV.2v1',
  name: 'AiAssistantCovered',
  area: 'GOV',
  scope: 'org',
  title: 'The AI Assistant offered on the sites, transcription and summaries are covered by the BAA or disabled, as attested',
  level: 'SHALL',
  severity: 'high',
  citations: [inForce('164.308(b)(1)'), inForce('164.314(a)(1)')],
  automation: 'manual-attestation',
  rationale:
    "Transcripts, meeting summaries and AI Assistant answers are derived from what was said in the session: ePHI, processed by services that a BAA may not name. Either the BAA covers them or they are turned off (164.308(b)(1), 164.314(a)). Webex has no API for whether the sites offer them, so that is attested; \"covered-by-baa\" holds only while the BAA itself is validly attested. Each host's AI Assistant default has an API and is an automated control instead (WBX.HOST.4v1, hostAiAssistant).",
  remediation:
    'Turn the AI Assistant, closed captions/transcripts and summaries off on the sites in Control Hub, or confirm that the BAA covers them; then declare the `aiAssistantCoverage` attestation with `status`. Each host\'s assistant default is kept off by hostAiAssistant (webex-iac apply).',
  check: (subject) => [
    judgeAttestation(subject, 'aiAssistantCoverage', (record) => {
      if (record.details.status !== 'covered-by-baa') return [];
      const baa = subject.attestations?.businessAssociateAgreement;
      if (baa === undefined) return ['status is covered-by-baa, but no businessAssociateAgreement is attested'];
      return baa.expires < subject.today ? [`status is covered-by-baa, but the businessAssociateAgreement attestation expired on ${baa.expires}`] : [];
    }),
  ],
};
