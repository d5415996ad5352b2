import type { BusinessCalendar } from './business-calendar';

/**
 * 2027, PROVISIONAL: the State Council has not yet published its
 * arrangement (it usually does in November of the year before). Until then
 * this holds only the statutory days off of 《全国年节及纪念日放假办法》 as
 * amended with effect from 2025, on their 2027 dates, and no make-up
 * workdays. The real notice will add weekdays off (the law moves a holiday
 * that falls on a weekend onto a weekday, and long holidays are stitched
 * together) and weekend workdays; replace this file when it appears.
 *
 * Lunar dates were checked against new-moon times in Beijing time: 正月初一
 * is 6 Feb (that new moon comes at about 23:56, so some software that
 * computes the lunar calendar roughly puts it on 7 Feb), 五月初一 5 Jun,
 * 八月初一 1 Sep. 清明 (sun at 15°) is 5 Apr, about 08:15.
 */
export const CN_2027: BusinessCalendar = {
  holidays: [
    '2027-01-01', // 元旦, Fri
    // 春节: 除夕 Fri 5 Feb to 正月初三 Mon 8 Feb
    '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08',
    '2027-04-05', // 清明节, Mon
    '2027-05-01', '2027-05-02', // 劳动节, Sat and Sun
    '2027-06-09', // 端午节 (五月初五), Wed
    '2027-09-15', // 中秋节 (八月十五), Wed
    '2027-10-01', '2027-10-02', '2027-10-03', // 国庆节, Fri to Sun
  ],
  workdays: [],
};
