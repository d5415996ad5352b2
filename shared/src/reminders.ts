import { z } from 'zod';

/**
 * When a template's overdue milestones are chased: how often the owner is
 * reminded, after how many reminders the manager and HR hear of it, and
 * the hours (business time) in which nobody is disturbed.
 */

const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/,
  'expected HH:MM (00:00 to 23:59)');

/** A template's `reminders`; every part optional, see REMINDER_DEFAULTS. */
export const ReminderSettingsInput = z.object({
  /** Hours between overdue reminders to the owner. */
  intervalHours: z.number().int().min(1).max(168).optional(),
  /** Overdue reminders before the manager and HR are told. */
  escalateAfter: z.number().int().min(1).max(10).optional(),
  /** No reminders from `start` to `end`; equal times mean none. */
  quietHours: z.object({ start: ClockTime, end: ClockTime }).strict().optional(),
}).strict();
export type ReminderSettingsInput = z.infer<typeof ReminderSettingsInput>;

/** Reminder settings with every part filled in. */
export interface ReminderSettings {
  intervalHours: number;
  escalateAfter: number;
  quietHours: { start: string; end: string };
}

/** What a template without its own `reminders` gets: the one place. */
export const REMINDER_DEFAULTS: ReminderSettings = {
  intervalHours: 24,
  escalateAfter: 2,
  quietHours: { start: '21:00', end: '08:30' },
};

/** A template's reminder settings with the defaults filled in. */
export function reminderSettings(
  input: ReminderSettingsInput | null | undefined): ReminderSettings {
  return {
    intervalHours: input?.intervalHours ?? REMINDER_DEFAULTS.intervalHours,
    escalateAfter: input?.escalateAfter ?? REMINDER_DEFAULTS.escalateAfter,
    quietHours: input?.quietHours ?? { ...REMINDER_DEFAULTS.quietHours },
  };
}
