import type { TemplateMilestone } from '@baton/shared';
import { BusinessCalendar, instantAt } from './calendar';

/** Milestones fall due at the end of the business day. */
const DUE_HOUR = 18;

/**
 * When a template milestone falls due: business days counted from the
 * start day or the last working day, at 18:00 in the business zone.
 */
export function dueAt(milestone: Pick<TemplateMilestone, 'due'>, days: {
  start: string; lastDay: string;
}, calendar: BusinessCalendar, timeZone: string): Date {
  const from = milestone.due.from === 'start' ? days.start : days.lastDay;
  const day = calendar.addBusinessDays(from, milestone.due.businessDays);
  return instantAt(day, DUE_HOUR, 0, timeZone);
}
