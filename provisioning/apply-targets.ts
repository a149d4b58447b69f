import { asData } from '../manifest/text';
import { WebexClient } from './client/webex-client';
import { cannotApply, changeEntry, personGone, placedOnChange } from './plan-errors';
import { readPersonAccess, roleNames, updatePerson } from './people/person-update';
import { Change, FieldValues } from './plan';
import { HostRef } from './settings/host-setting-handler';
import { HostReads } from './settings/host-reads';
import { hostHandler, isHostSetting, siteHandler, writeOnlyHandler } from './settings/registry';

/**
 * What an apply run shares between changes: the client, the org's roles (read once), and each host's
 * reads, so that the read of the stale check is the one the host's writes are built from.
 */
export class ApplyContext {
  private roles?: Promise<Map<string, string>>;
  private readonly hosts = new Map<string, HostReads>();

  constructor(readonly client: WebexClient) {}

  /** Role id → name (GET /v1/roles), read at most once per apply. */
  roleNames(): Promise<Map<string, string>> {
    this.roles ??= roleNames(this.client);
    return this.roles;
  }

  /** The reads of `host` on `siteUrl`, shared by every change of that host on that site. */
  hostReads(siteUrl: string, host: HostRef): HostReads {
    const key = `${siteUrl}\n${host.email}`;
    let reads = this.hosts.get(key);
    if (reads === undefined) {
      reads = new HostReads(this.client, siteUrl, host);
      this.hosts.set(key, reads);
    }
    return reads;
  }

  /** Lets go of what was read for `change`'s host once its changes are done (it holds the host PIN). */
  release(change: Change): void {
    const target = change.target;
    if (target.kind === 'person' && target.siteUrl !== undefined) this.hosts.delete(`${target.siteUrl}\n${asData(target.email)}`);
  }
}

/** The outcome of one write: its trackingId(s), and for a write-only setting what Webex echoed. */
export interface WriteOutcome {
  readonly trackingId: string;
  readonly echoed?: FieldValues;
  /** The written fields as Webex's answers gave them (a full-body PUT answers what it stored): no read back is needed. */
  readonly answered?: FieldValues;
}

/** How the applier reads and writes the target of one change, whatever kind of control planned it. */
export interface ApplyTarget {
  /**
   * The live values of the change's fields, for the stale check; undefined for a write-only setting
   * (nothing can be read). What it reads is what `write` builds a full-body PUT from.
   */
  read(): Promise<FieldValues | undefined>;
  write(): Promise<WriteOutcome>;
  /** The live values after the write: always a new read. */
  readBack(): Promise<FieldValues | undefined>;
}

/**
 * The reader and writer for `change`, chosen by its target and setting. An error a handler raises about
 * the entry (knowing its site or host, not its declaration) names the change's whole entry.
 */
export function applyTarget(context: ApplyContext, change: Change): ApplyTarget {
  const placed = <T>(run: () => Promise<T>) => async (): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      throw placedOnChange(error, change);
    }
  };
  const target = targetOf(context, change);
  return { read: placed(target.read), write: placed(target.write), readBack: placed(target.readBack) };
}

function targetOf(context: ApplyContext, change: Change): ApplyTarget {
  const { client } = context;
  const target = change.target;
  if (change.action === 'enforce') {
    if (target.kind !== 'org') throw cannotApply(change, `an enforce change must target the org, not a ${target.kind}`);
    const handler = writeOnlyHandler(change.setting);
    return {
      read: async () => undefined,
      write: async () => handler.write(client, target.orgId, change.after),
      readBack: async () => undefined,
    };
  }
  if (target.kind === 'site') {
    const handler = siteHandler(change.setting);
    const read = () => handler.read(client, target.siteUrl);
    return { read, write: async () => ({ trackingId: await handler.write(client, target.siteUrl, change.after) }), readBack: read };
  }
  if (target.kind === 'person' && target.siteUrl !== undefined && isHostSetting(change.setting)) {
    const handler = hostHandler(change.setting);
    const host = { email: target.email, personId: requirePersonId(change) };
    const fields = [...new Set([...Object.keys(change.before), ...Object.keys(change.after)])];
    const siteUrl = target.siteUrl;
    const reads = context.hostReads(siteUrl, host);
    const read = () => handler.readHost(client, siteUrl, host, fields, reads);
    // A handler's write through `reads` drops what it read (HostReads.writing): the read back then asks Webex again.
    return { read, write: () => handler.write(client, siteUrl, host, change.after, reads), readBack: read };
  }
  if (target.kind === 'person' && (change.action === 'revoke' || change.action === 'deactivate')) {
    const personId = requirePersonId(change);
    const read = async () => {
      const person = await readPersonAccess(client, target.orgId, target.email, await context.roleNames());
      if (person === undefined) throw personGone(changeEntry(change));
      const { personId: _id, ...access } = person;
      return access;
    };
    if (change.action === 'deactivate') {
      return { read, write: async () => ({ trackingId: await updatePerson(client, personId, (body) => (body.loginEnabled = false)) }), readBack: read };
    }
    return {
      read,
      readBack: read,
      write: async () => {
        const names = await context.roleNames();
        const revoke = new Set((change.before.roles as string[] | undefined) ?? []);
        const trackingId = await updatePerson(client, personId, (body) => {
          body.roles = ((body.roles as string[] | undefined) ?? []).filter((id) => !revoke.has(names.get(id) ?? id));
        });
        return { trackingId };
      },
    };
  }
  throw cannotApply(change, `no way to apply a ${change.action} of a ${target.kind} target`);
}

function requirePersonId(change: Change): string {
  const target = change.target;
  if (target.kind === 'person' && target.personId) return target.personId;
  throw cannotApply(change, "the plan does not carry the person's id");
}
