import { z } from 'zod';

/** A calendar date in the business time zone, `YYYY-MM-DD`. */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`))
    && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'not a real date');

/**
 * A working day a handover can be planned around: 2000 to 2099. Due dates
 * count business days from it, which a date near year 9999 could not.
 */
export const WorkingDay = IsoDate.refine((s) => s >= '2000-01-01' && s <= '2099-12-31',
  'expected a date between 2000-01-01 and 2099-12-31');
