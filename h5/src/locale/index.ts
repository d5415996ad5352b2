import { Locale } from 'vant';
import { en } from './en';
import { zhCN, type Messages } from './zh-CN';

/** The languages the H5 speaks, as `<html lang>` names them. */
export type Lang = 'zh-CN' | 'en';

/** Where a choice made with `?lang=` is remembered across visits. */
const STORAGE_KEY = 'baton.lang';

/** `?lang=` values people can use, and the language each picks. */
const ASKED: Record<string, Lang> = { en: 'en', zh: 'zh-CN' };

/** localStorage throws in some locked-down webviews: then forget nothing. */
function stored(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

function remember(value: string): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, value);
  } catch {
    // Not remembered: the next visit falls back to the phone's language.
  }
}

/**
 * Chinese unless English is asked for: `?lang=en` in the URL (remembered;
 * `?lang=zh` switches back), an earlier such choice, or, when nobody chose,
 * a phone set to English.
 */
function chooseLang(): Lang {
  const asked = new URLSearchParams(window.location.search).get('lang');
  if (asked && asked in ASKED) {
    remember(asked);
    return ASKED[asked];
  }
  const kept = stored();
  if (kept && kept in ASKED) return ASKED[kept];
  return /^en\b/i.test(navigator.language ?? '') ? 'en' : 'zh-CN';
}

/** The language this page shows, fixed for the page's life. */
export const lang: Lang = chooseLang();

/**
 * The active messages. Components read copy as `t.home.title` or call
 * `t.handover.progress(80, 2)`.
 */
export const t: Messages = lang === 'en' ? en : zhCN;

document.documentElement.lang = lang;

/**
 * Switches Vant's own copy (its dialogs' buttons, the pull-refresh and list
 * defaults) to match. Vant speaks Chinese out of the box, so the English
 * pack is only downloaded for English readers; call before mounting.
 */
export async function applyVantLocale(): Promise<void> {
  if (lang !== 'en') return;
  const { default: enUS } = await import('vant/es/locale/lang/en-US');
  Locale.use('en-US', enUS);
}
