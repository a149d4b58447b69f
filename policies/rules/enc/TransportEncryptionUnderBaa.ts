import { inForce, proposed } from '../../citations';
import { judgeAttestation } from '../../judge';
import type { Rule } from '../../rule';
import type { Subject } from '../../subject';

/** The Webex services that carry the org's ePHI, as the declaration shows them, and how a BAA names them. */
function servicesInUse(subject: Subject): { name: string; pattern: RegExp }[] {
  const services = [];
  if (subject.sites.length > 0) services.push({ name: 'Webex Meetings', pattern: /meeting/i });
  const messaging = subject.attestations?.required.includes('messageRetention') || subject.attestations?.messageRetention !== undefined;
  if (messaging) services.push({ name: 'Webex Messaging', pattern: /messag/i });
  return services;
}

/** Transport encryption of the Webex cloud is Cisco's, under a BAA that covers each service in use. */
export const TransportEncryptionUnderBaa: Rule = {
  id: 'WBX.ENC.3v1',
  name: 'TransportEncryptionUnderBaa',
  area: 'ENC',
  scope: 'org',
  title: 'Every Webex service that carries ePHI is covered by the BAA, which binds Cisco to encrypt it in transit',
  level: 'SHALL',
  severity: 'critical',
  citations: [inForce('164.312(e)(1)'), inForce('164.312(e)(2)(ii)'), inForce('164.308(b)(1)'), inForce('164.314(a)(1)')],
  nprm: { citations: [proposed('164.312(b)'), inForce('164.308(b)(1)'), inForce('164.314(a)(1)')] },
  automation: 'manual-attestation',
  rationale:
    "Webex encrypts signalling with TLS and media with SRTP on every connection to its cloud; no customer setting or API turns that on or off, so webex-iac cannot check it. What makes it a safeguard the organization can rely on is the BAA: Cisco, as business associate, must protect the ePHI of the services it covers, transmission security included. A service in use that the BAA does not name is ePHI in transit without that assurance (164.312(e)(1), 164.308(b)(1)).",
  remediation:
    'Have the BAA with Cisco cover every Webex service the org uses for ePHI (Meetings for sites, Messaging when messages are retained), and list them in the `businessAssociateAgreement` attestation `productsCovered`.',
  check: (subject) => [
    judgeAttestation(subject, 'businessAssociateAgreement', (record) =>
      servicesInUse(subject)
        .filter((service) => !record.details.productsCovered.some((product) => service.pattern.test(product)))
        .map((service) => `${service.name} is in use but not among the BAA's productsCovered (${record.details.productsCovered.join(', ')})`),
    ),
  ],
};
