/** Copy for the successor screens, in Chinese and English (same keys). */
export const zh = {};

export const en: typeof zh = {};
