/**
 * A country's working calendar beyond plain weekends: the days off that the
 * government declares, and the weekend days it turns into working days to
 * make long holidays (调休上班). Dates are `YYYY-MM-DD` in the business time
 * zone, each list sorted and without repeats.
 *
 * A day is a business day when it is a workday here, or when it is Monday to
 * Friday and not a holiday here.
 */
export interface BusinessCalendar {
  /** Days off, whether they fall on a weekday or a weekend. */
  holidays: string[];
  /** Saturdays and Sundays that are working days. */
  workdays: string[];
}
