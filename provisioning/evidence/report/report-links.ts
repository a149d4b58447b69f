import { EvidenceActor } from '../record';
import { ReportLink } from './report-model';

/** The links an auditor follows from a record's CI identity: the reviewed PR/MR, the CI run, the commit. */
export function linksOf(actor: EvidenceActor): ReportLink[] {
  const ci = actor.ci;
  if (!ci) return [];
  const links: ReportLink[] = [];
  if (ci.changeRequest) {
    const label = `${ci.changeRequest.kind === 'pull-request' ? 'PR #' : 'MR !'}${ci.changeRequest.number}`;
    links.push({ label, url: ci.changeRequest.url ?? '' });
  }
  if (ci.runUrl) links.push({ label: `${ci.system} run ${ci.runId ?? ''}`.trim(), url: ci.runUrl });
  if (ci.commitUrl || ci.revision) links.push({ label: `commit ${(ci.revision ?? '').slice(0, 12)}`, url: ci.commitUrl ?? '' });
  return links.filter((l) => l.url === '' || isHttpsUrl(l.url));
}

/** Only https links reach a report's href: a recorded value is never a `javascript:` or `data:` link. */
export function isHttpsUrl(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}
