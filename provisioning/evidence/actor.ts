import { hostname, userInfo } from 'node:os';
import { WebexClient } from '../client/webex-client';
import { whoAmI } from '../observe';
import { CiIdentity, EvidenceActor } from './record';

/** The CI job that runs the command, from the variables each CI sets; undefined outside CI. */
export function ciIdentity(env: NodeJS.ProcessEnv): CiIdentity | undefined {
  const defined = <T extends Record<string, string | undefined>>(fields: T) =>
    Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined && v !== '')) as Partial<T>;
  if (env.GITHUB_ACTIONS === 'true') {
    return {
      system: 'github-actions',
      ...defined({ user: env.GITHUB_ACTOR, workflow: env.GITHUB_WORKFLOW, runId: env.GITHUB_RUN_ID, job: env.GITHUB_JOB, repository: env.GITHUB_REPOSITORY, revision: env.GITHUB_SHA }),
    };
  }
  if (env.GITLAB_CI === 'true') {
    return {
      system: 'gitlab-ci',
      ...defined({ user: env.GITLAB_USER_LOGIN, workflow: env.CI_PIPELINE_ID, runId: env.CI_JOB_ID, job: env.CI_JOB_NAME, repository: env.CI_PROJECT_PATH, revision: env.CI_COMMIT_SHA }),
    };
  }
  if (env.CI !== undefined && env.CI !== '' && env.CI !== 'false') {
    return { system: 'ci', ...defined({ runId: env.CI_JOB_ID ?? env.BUILD_ID, job: env.JOB_NAME, revision: env.GIT_COMMIT }) };
  }
  return undefined;
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
