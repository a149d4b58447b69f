/** Fields of the renderers' models that hold text from Webex (or from whoever wrote a manifest): each is replaced by `text`. */
const UNTRUSTED_KEYS = new Set([
  'org', 'orgs', 'email', 'siteUrl', 'personId', 'orgId', 'detail', 'notes', 'attestedBy', 'reference', 'reason', 'owner', 'appliesTo', 'path',
  'message', 'error', 'note', 'manifest', 'evidence', 'actor', 'trackingId', 'target', 'category', 'action', 'record', 'command', 'file', 'attestationsMissing', 'value',
]);

/**
 * A deep copy of `model` where every string under an untrusted key (at any depth, in arrays too) is
 * `text` (an object under such a key is walked key by key); strings under other keys (rule ids, statuses, setting names) are left as the code wrote them.
 * `keep` lists keys that must stay as they are because the renderer branches on them.
 */
export function poison<T>(model: T, text: string, keep: readonly string[] = []): T {
  const walk = (value: unknown, untrusted: boolean): unknown => {
    if (typeof value === 'string') return untrusted ? text : value;
    if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? walk(v, untrusted) : walk(v, false)));
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, UNTRUSTED_KEYS.has(k) && !keep.includes(k))]));
    }
    return value;
  };
  return walk(model, false) as T;
}
