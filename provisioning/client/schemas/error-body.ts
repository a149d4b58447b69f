import { z } from 'zod';

/** Webex's error body: `{message, errors[{description, errorCode?}], trackingId}`; every part optional on read. */
export const WebexErrorBodySchema = z.object({
  message: z.string().optional(),
  errors: z.array(z.object({ description: z.string().optional(), errorCode: z.number().optional() })).optional(),
  trackingId: z.string().optional(),
});
