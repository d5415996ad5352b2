/** Copy for the hr screens, in Chinese and English (same keys). */
export const zh = {};

export const en: typeof zh = {};
