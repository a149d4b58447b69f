import { z } from 'zod';
import { terminalQuoted, terminalText } from '../../manifest/text';
import { ApiPath, WebexApiError, WebexClient } from '../../provisioning';
import { identityOrgId } from '../../provisioning/people/identity-org-id';

/**
 * `webex-iac doctor`: what a token can do. Webex has no endpoint that lists a token's scopes, so each
 * read scope is found by trying one harmless read that needs it (403: missing). Writes cannot be
 * probed without changing the org, so the write scopes are listed as assumed, never as checked.
 */

/** The scopes each command needs (WEBEX-API.md §6); a command needs only those its declarations use. */
export const COMMAND_SCOPES: Readonly<Record<string, readonly string[]>> = {
  // plan and drift read the admin audit log to name who made each drift (and whether a write-only setting changed).
  'plan, drift': [...READS(), 'audit:events_read'],
  apply: [...READS(), 'audit:events_read', 'meeting:admin_config_write', 'meeting:admin_preferences_write', 'spark-admin:people_write', 'identity:organizations_rw'],
  // assess also reads every host's upcoming meetings and each site's removed recordings.
  assess: [...READS(), 'meeting:admin_schedule_read', 'meeting:admin_recordings_read'],
  import: READS(),
  'evidence collect': ['spark-admin:organizations_read', 'audit:events_read'],
};

function READS(): string[] {
  return [
    'spark:people_read',
    'spark-admin:organizations_read',
    'meeting:admin_preferences_read',
    'meeting:admin_config_read',
    'spark-admin:people_read',
    'spark-admin:roles_read',
    'identity:people_read',
  ];
}

/** Scopes that only writes need: never probed (a probe would change the org). */
export const WRITE_SCOPES: readonly string[] = ['meeting:admin_config_write', 'meeting:admin_preferences_write', 'spark-admin:people_write', 'identity:organizations_rw', 'meeting:admin_schedule_write'];

const Loose = z.looseObject({});
const Orgs = z.looseObject({ items: z.array(z.looseObject({ id: z.string(), displayName: z.string().nullish() })) });
const Sites = z.looseObject({ sites: z.array(z.looseObject({ siteUrl: z.string(), default: z.boolean().nullish() })).nullish() });
const Me = z.looseObject({ id: z.string(), emails: z.array(z.string()).nullish(), orgId: z.string().nullish() });

interface Context {
  me?: z.infer<typeof Me>;
  orgs?: z.infer<typeof Orgs>['items'];
  sites?: string[];
}

type Outcome = { readonly ok: true } | { readonly ok: false; readonly reason: string; readonly missing: boolean };

/** One harmless read per read scope, in order: later probes use what earlier ones found. */
const PROBES: readonly { readonly scope: string; readonly request: string; probe(client: WebexClient, ctx: Context): Promise<void> }[] = [
  { scope: 'spark:people_read', request: 'GET /v1/people/me', probe: async (client, ctx) => void (ctx.me = (await client.get('/v1/people/me', Me)).data) },
  { scope: 'spark-admin:organizations_read', request: 'GET /v1/organizations', probe: async (client, ctx) => void (ctx.orgs = (await client.get('/v1/organizations', Orgs)).data.items) },
  {
    scope: 'meeting:admin_preferences_read',
    request: 'GET /v1/meetingPreferences/sites',
    probe: async (client, ctx) => void (ctx.sites = ((await client.get('/v1/meetingPreferences/sites', Sites)).data.sites ?? []).map((s) => s.siteUrl)),
  },
  {
    scope: 'meeting:admin_config_read',
    request: 'GET /v1/admin/meeting/config/commonSettings',
    probe: async (client, ctx) => void (await client.get('/v1/admin/meeting/config/commonSettings', Loose, ctx.sites?.[0] ? { siteUrl: ctx.sites[0] } : undefined)),
  },
  {
    scope: 'meeting:admin_schedule_read',
    request: 'GET /v1/meetings?meetingType=scheduledMeeting&hostEmail=…&max=1',
    probe: async (client, ctx) => {
      const email = ctx.me?.emails?.[0];
      if (!email) throw new Error('no email known for the token user to list meetings as an admin (GET /v1/people/me failed)');
      await client.get('/v1/meetings', Loose, { meetingType: 'scheduledMeeting', hostEmail: email, max: '1' });
    },
  },
  {
    scope: 'meeting:admin_recordings_read',
    request: 'GET /v1/admin/recordings?status=purged&max=1',
    probe: async (client, ctx) => void (await client.get('/v1/admin/recordings', Loose, { ...(ctx.sites?.[0] ? { siteUrl: ctx.sites[0] } : {}), status: 'purged', max: '1' })),
  },
  { scope: 'spark-admin:people_read', request: 'GET /v1/people?max=1', probe: async (client) => void (await client.get('/v1/people', Loose, { max: '1' })) },
  { scope: 'spark-admin:roles_read', request: 'GET /v1/roles', probe: async (client) => void (await client.get('/v1/roles', Loose)) },
  {
    scope: 'identity:people_read',
    request: 'GET /identity/scim/{orgId}/v2/Users?count=1',
    probe: async (client, ctx) => {
      const orgId = ctx.me?.orgId ?? ctx.orgs?.[0]?.id;
      if (!orgId) throw new Error('no org id known to address the SCIM read (GET /v1/people/me and GET /v1/organizations both failed)');
      await client.get(`/identity/scim/${encodeURIComponent(identityOrgId(orgId))}/v2/Users` as ApiPath, Loose, { count: '1' });
    },
  },
  {
    scope: 'audit:events_read',
    request: 'GET /v1/adminAudit/events?max=1',
    probe: async (client, ctx) => {
      const orgId = ctx.me?.orgId ?? ctx.orgs?.[0]?.id;
      if (!orgId) throw new Error('no org id known to address the audit read');
      const to = new Date();
      const from = new Date(to.getTime() - 86_400_000);
      await client.get('/v1/adminAudit/events', Loose, { orgId, from: from.toISOString(), to: to.toISOString(), max: '1' });
    },
  },
];

export interface DoctorReport {
  readonly user?: string;
  readonly orgs: readonly { readonly id: string; readonly name: string }[];
  readonly sites: readonly string[];
  readonly scopes: readonly { readonly scope: string; readonly request: string; readonly outcome: Outcome }[];
  readonly commands: readonly { readonly command: string; readonly missing: readonly string[]; readonly unknown: readonly string[] }[];
}

export async function diagnoseToken(client: WebexClient): Promise<DoctorReport> {
  const ctx: Context = {};
  const scopes: { scope: string; request: string; outcome: Outcome }[] = [];
  for (const probe of PROBES) {
    let outcome: Outcome;
    try {
      await probe.probe(client, ctx);
      outcome = { ok: true };
    } catch (error) {
      const status = error instanceof WebexApiError ? error.status : undefined;
      // 403 is Webex's answer to a missing scope (or a missing admin role); anything else is unknown.
      const reason =
        error instanceof WebexApiError
          ? `answered ${error.status}${status === 403 ? ' (the token lacks the scope, or its user the admin role)' : ''}${error.trackingId ? `, trackingId ${error.trackingId}` : ''}`
          : error instanceof Error
            ? error.message.split('\n')[0]!
            : String(error);
      outcome = { ok: false, missing: status === 403, reason };
    }
    scopes.push({ scope: probe.scope, request: probe.request, outcome });
  }
  const failed = (scope: string, missing: boolean) => scopes.some((s) => s.scope === scope && !s.outcome.ok && s.outcome.missing === missing);
  const commands = Object.entries(COMMAND_SCOPES).map(([command, needs]) => ({ command, missing: needs.filter((s) => failed(s, true)), unknown: needs.filter((s) => failed(s, false)) }));
  return {
    ...(ctx.me ? { user: ctx.me.emails?.[0] ?? ctx.me.id } : {}),
    orgs: (ctx.orgs ?? []).map((o) => ({ id: o.id, name: o.displayName ?? o.id })),
    sites: ctx.sites ?? [],
    scopes,
    commands,
  };
}

/** The report as text; exit 1 when any command could not run (a scope missing or not verifiable). */
export function renderDoctor(report: DoctorReport): { text: string; code: number } {
  const lines: string[] = [];
  lines.push(`Token of ${report.user === undefined ? '(unknown user)' : terminalQuoted(report.user)}`);
  lines.push(`Orgs it sees (${report.orgs.length}): ${report.orgs.map((o) => `${terminalQuoted(o.name)} (${terminalText(o.id)})`).join(', ') || 'none'}`);
  lines.push(`Meetings sites it administers (${report.sites.length}): ${report.sites.map((s) => terminalText(s)).join(', ') || 'none'}`);
  lines.push('', 'Read scopes, each checked by one harmless read:');
  const width = Math.max(...report.scopes.map((s) => s.scope.length));
  for (const { scope, request, outcome } of report.scopes) {
    const state = outcome.ok ? 'ok     ' : outcome.missing ? 'MISSING' : 'UNKNOWN';
    lines.push(`  ${state} ${scope.padEnd(width)}  ${request}${outcome.ok ? '' : `: ${terminalText(outcome.reason)}`}`);
  }
  lines.push('', 'Write scopes, assumed (a write cannot be tried without changing the org):');
  for (const scope of WRITE_SCOPES) lines.push(`  assumed ${scope}`);
  lines.push('', 'Commands:');
  const commandWidth = Math.max(...report.commands.map((c) => c.command.length));
  let code = 0;
  for (const { command, missing, unknown } of report.commands) {
    if (missing.length === 0 && unknown.length === 0) {
      lines.push(`  ${command.padEnd(commandWidth)}  ok${COMMAND_SCOPES[command]!.some((s) => WRITE_SCOPES.includes(s)) ? ' (write scopes assumed)' : ''}`);
      continue;
    }
    code = 1;
    const why = [...missing.map((s) => `missing ${s}`), ...unknown.map((s) => `could not check ${s}`)].join(', ');
    lines.push(`  ${command.padEnd(commandWidth)}  cannot run: ${why}`);
  }
  return { text: `${lines.join('\n')}\n`, code };
}
