import { z } from 'zod';
import { optional } from './spec-optional';

// Cisco's spec (webex-admin.json) marks no field of either event as required. Evidence keeps each event
// whole, as Webex sent it, so unknown fields are kept (looseObject) rather than dropped.

/** `AuditEvent.data`: who did what to which target. */
const AdminAuditDataSchema = z.looseObject({
  actorName: optional(z.string()),
  actorEmail: optional(z.string()),
  actorIp: optional(z.string()),
  actorUserAgent: optional(z.string()),
  actorOrgName: optional(z.string()),
  adminRoles: optional(z.array(z.string())),
  eventCategory: optional(z.string()),
  eventDescription: optional(z.string()),
  actionText: optional(z.string()),
  targetId: optional(z.string()),
  targetName: optional(z.string()),
  targetType: optional(z.string()),
  targetOrgId: optional(z.string()),
  targetOrgName: optional(z.string()),
  trackingId: optional(z.string()),
  errorCode: optional(z.string()),
  errorMessage: optional(z.string()),
});

/** `AuditEvent` (GET /v1/adminAudit/events). */
export const AdminAuditEventSchema = z.looseObject({
  id: optional(z.string()),
  created: optional(z.string()),
  actorId: optional(z.string()),
  actorOrgId: optional(z.string()),
  data: optional(AdminAuditDataSchema),
});
export type AdminAuditEvent = z.infer<typeof AdminAuditEventSchema>;

/** `AuditEventCollectionResponse`: offset-paged, no Link header. */
export const AdminAuditEventListSchema = z.object({ items: z.array(AdminAuditEventSchema) });

/** `SecurityAuditEvent.data`: sign-in and sign-out. */
const SecurityAuditDataSchema = z.looseObject({
  actorName: optional(z.string()),
  actorEmail: optional(z.string()),
  actorIp: optional(z.string()),
  actorUserAgent: optional(z.string()),
  actorOrgName: optional(z.string()),
  eventCategory: optional(z.string()),
  eventDescription: optional(z.string()),
  actionText: optional(z.string()),
  trackingId: optional(z.string()),
});

/** `SecurityAuditEvent` (GET /v1/admin/securityAudit/events). */
export const SecurityAuditEventSchema = z.looseObject({
  id: optional(z.string()),
  created: optional(z.string()),
  actorId: optional(z.string()),
  actorOrgId: optional(z.string()),
  data: optional(SecurityAuditDataSchema),
});
export type SecurityAuditEvent = z.infer<typeof SecurityAuditEventSchema>;

/** `SecurityAuditEventCollectionResponse`: paged with `Link`. */
export const SecurityAuditEventListSchema = z.object({ items: z.array(SecurityAuditEventSchema) });
