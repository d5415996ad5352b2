import { z } from 'zod';

/** Every API error has this body; `field` names the bad input, if any. */
export const ApiErrorBody = z.object({
  error: z.object({
    id: z.string(),
    message: z.string(),
    field: z.string().optional(),
  }),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;
