import { hostname, userInfo } from 'node:os';
import { WebexClient } from '../client/webex-client';
import { whoAmI } from '../observe';
import { CiIdentity, EvidenceActor } from './record';

/** The CI job that runs the command, from the variables each CI sets; undefined outside CI. */
export function ciIdentity(env: NodeJS.ProcessEnv): CiIdentity | undefined {
  const defined = <T extends Record<string, string | undefined>>(fields: T) =>
    Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined && v !== '')) as Partial<T>;
  if (env.GITHUB_ACTIONS === 'true') {
    const repo = webUrl(env.GITHUB_SERVER_URL) && env.GITHUB_REPOSITORY ? `${webUrl(env.GITHUB_SERVER_URL)}/${env.GITHUB_REPOSITORY}` : undefined;
    // refs/pull/<n>/merge on pull_request runs; WEBEX_IAC_PULL_REQUEST names it on a push after the merge.
    const pr = /^refs\/pull\/(\d+)\//.exec(env.GITHUB_REF ?? '')?.[1] ?? digits(env.WEBEX_IAC_PULL_REQUEST);
    return {
      system: 'github-actions',
      ...defined({
        user: env.GITHUB_ACTOR,
        workflow: env.GITHUB_WORKFLOW,
        runId: env.GITHUB_RUN_ID,
        job: env.GITHUB_JOB,
        repository: env.GITHUB_REPOSITORY,
        revision: env.GITHUB_SHA,
        runUrl: repo && digits(env.GITHUB_RUN_ID) ? `${repo}/actions/runs/${env.GITHUB_RUN_ID}` : undefined,
        commitUrl: repo && hex(env.GITHUB_SHA) ? `${repo}/commit/${env.GITHUB_SHA}` : undefined,
      }),
      ...(pr ? { changeRequest: { kind: 'pull-request' as const, number: pr, ...(repo ? { url: `${repo}/pull/${pr}` } : {}) } } : {}),
    };
  }
  if (env.GITLAB_CI === 'true') {
    const project = webUrl(env.CI_PROJECT_URL);
    const mr = digits(env.CI_MERGE_REQUEST_IID) ?? digits(env.WEBEX_IAC_MERGE_REQUEST);
    return {
      system: 'gitlab-ci',
      ...defined({
        user: env.GITLAB_USER_LOGIN,
        workflow: env.CI_PIPELINE_ID,
        runId: env.CI_JOB_ID,
        job: env.CI_JOB_NAME,
        repository: env.CI_PROJECT_PATH,
        revision: env.CI_COMMIT_SHA,
        runUrl: webUrl(env.CI_PIPELINE_URL) ?? webUrl(env.CI_JOB_URL),
        commitUrl: project && hex(env.CI_COMMIT_SHA) ? `${project}/-/commit/${env.CI_COMMIT_SHA}` : undefined,
      }),
      ...(mr ? { changeRequest: { kind: 'merge-request' as const, number: mr, ...(project ? { url: `${project}/-/merge_requests/${mr}` } : {}) } } : {}),
    };
  }
  if (env.CI !== undefined && env.CI !== '' && env.CI !== 'false') {
    return { system: 'ci', ...defined({ runId: env.CI_JOB_ID ?? env.BUILD_ID, job: env.JOB_NAME, revision: env.GIT_COMMIT }) };
  }
  return undefined;
}

/** An https URL without credentials, query or fragment, else undefined: CI variables become links in a report. */
function webUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    if (url.protocol !== 'https:' || url.username || url.password || url.search || url.hash) return undefined;
    return url.href.replace(/\/+$/, '');
  } catch {
    return undefined;
  }
}

function digits(value: string | undefined): string | undefined {
  return value && /^\d{1,12}$/.test(value) ? value : undefined;
}

function hex(value: string | undefined): boolean {
  return value !== undefined && /^[0-9a-f]{7,64}$/i.test(value);
}

/** The user and host outside CI, as the operating system reports them. */
export function localIdentity(): { user: string; host: string } {
  let user: string;
  try {
    user = userInfo().username;
  } catch {
    user = 'unknown';
  }
  return { user, host: hostname() };
}

/**
 * Who runs the command: the token's person when a client is given (GET /v1/people/me), plus the CI job or
 * the local user. A person that cannot be read is recorded as such, with the reason, rather than guessed.
 */
export async function resolveActor(env: NodeJS.ProcessEnv, client?: WebexClient): Promise<EvidenceActor> {
  const ci = ciIdentity(env);
  const where = ci ? { ci } : { local: localIdentity() };
  if (!client) return where;
  try {
    const me = await whoAmI(client);
    return { person: { id: me.id, email: me.email }, ...where };
  } catch (error) {
    return { personUnavailable: client.redactSecrets(error instanceof Error ? error.message : String(error)), ...where };
  }
}
