/** Copy for the items screens, in Chinese and English (same keys). */
export const zh = {};

export const en: typeof zh = {};
