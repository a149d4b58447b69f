import { z } from 'zod';

// Cisco's spec (webex-admin.json) marks no field of either event as required. Evidence keeps each event
// whole, as Webex sent it, so unknown fields are kept (looseObject) rather than dropped.

/** `AuditEvent.data`: who did what to which target. */
const AdminAuditDataSchema = z.looseObject({
  actorName: z.string().optional(),
  actorEmail: z.string().optional(),
  actorIp: z.string().optional(),
  actorUserAgent: z.string().optional(),
  actorOrgName: z.string().optional(),
  adminRoles: z.array(z.string()).optional(),
  eventCategory: z.string().optional(),
  eventDescription: z.string().optional(),
  actionText: z.string().optional(),
  targetId: z.string().optional(),
  targetName: z.string().optional(),
  targetType: z.string().optional(),
  targetOrgId: z.string().optional(),
  targetOrgName: z.string().optional(),
  trackingId: z.string().optional(),
  errorCode: z.string().optional(),
  errorMessage: z.string().optional(),
});

/** `AuditEvent` (GET /v1/adminAudit/events). */
export const AdminAuditEventSchema = z.looseObject({
  id: z.string().optional(),
  created: z.string().optional(),
  actorId: z.string().optional(),
  actorOrgId: z.string().optional(),
  data: AdminAuditDataSchema.optional(),
});
export type AdminAuditEvent = z.infer<typeof AdminAuditEventSchema>;

/** `AuditEventCollectionResponse`: offset-paged, no Link header. */
export const AdminAuditEventListSchema = z.object({ items: z.array(AdminAuditEventSchema) });

/** `SecurityAuditEvent.data`: sign-in and sign-out. */
const SecurityAuditDataSchema = z.looseObject({
  actorName: z.string().optional(),
  actorEmail: z.string().optional(),
  actorIp: z.string().optional(),
  actorUserAgent: z.string().optional(),
  actorOrgName: z.string().optional(),
  eventCategory: z.string().optional(),
  eventDescription: z.string().optional(),
  actionText: z.string().optional(),
  trackingId: z.string().optional(),
});

/** `SecurityAuditEvent` (GET /v1/admin/securityAudit/events). */
export const SecurityAuditEventSchema = z.looseObject({
  id: z.string().optional(),
  created: z.string().optional(),
  actorId: z.string().optional(),
  actorOrgId: z.string().optional(),
  data: SecurityAuditDataSchema.optional(),
});
export type SecurityAuditEvent = z.infer<typeof SecurityAuditEventSchema>;

/** `SecurityAuditEventCollectionResponse`: paged with `Link`. */
export const SecurityAuditEventListSchema = z.object({ items: z.array(SecurityAuditEventSchema) });
