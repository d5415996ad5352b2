import { zhCN, type Messages } from './zh-CN';

/**
 * The active messages. Components read copy as `t.home.title` or call
 * `t.handover.progress(80, 2)`; there is one locale, so no switching logic.
 */
export const t: Messages = zhCN;
