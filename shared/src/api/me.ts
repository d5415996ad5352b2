import { z } from 'zod';

export const PersonRef = z.object({
  userid: z.string(),
  name: z.string(),
});
export type PersonRef = z.infer<typeof PersonRef>;

/** `GET /api/me`: who is logged in and what they may do in general. */
export const MeResponse = z.object({
  user: z.object({
    userid: z.string(),
    name: z.string(),
    position: z.string(),
  }),
  /** True for HR: sees every handover and may start one. */
  isHr: z.boolean(),
});
export type MeResponse = z.infer<typeof MeResponse>;
