import type { BusinessCalendar } from './business-calendar';
import { CN_2026 } from './cn-2026';
import { CN_2027 } from './cn-2027';

export type { BusinessCalendar } from './business-calendar';

/**
 * Mainland China's business calendar for 2026 (final) and 2027
 * (provisional: statutory days off only, see `CN_CALENDAR_NOTES`). Days
 * outside these years count weekends only.
 */
export const CN_CALENDAR: BusinessCalendar = {
  holidays: [...CN_2026.holidays, ...CN_2027.holidays],
  workdays: [...CN_2026.workdays, ...CN_2027.workdays],
};

/** What `CN_CALENDAR` covers and how far to trust it, for operators. */
export const CN_CALENDAR_NOTES = [
  'Built-in China business calendar.',
  '2026: final, from the State Council General Office notice of 2025-11-04',
  '(国务院办公厅关于2026年部分节假日安排的通知), with its make-up workdays',
  '(调休上班).',
  '2027: PROVISIONAL. The State Council has not yet published the 2027',
  'arrangement (it usually does in November). Until it does, only the 13',
  'statutory days off are listed (元旦 1-01; 春节 2-05..2-08; 清明 4-05;',
  '劳动节 5-01..5-02; 端午 6-09; 中秋 9-15; 国庆 10-01..10-03) and no',
  'make-up workdays, so the weekdays given in lieu of holidays that fall on',
  'a weekend, and any weekend workdays, are missing: due dates around those',
  'holidays may land on a day off or skip a working weekend.',
  'Years after 2027 count weekends only.',
  'To override, give the server a JSON file of the same shape,',
  '{ "holidays": ["YYYY-MM-DD", ...], "workdays": ["YYYY-MM-DD", ...] }',
  '(BUSINESS_CALENDAR_FILE); it replaces this calendar as a whole, so list',
  'every year you need, not only the new one.',
].join('\n');
