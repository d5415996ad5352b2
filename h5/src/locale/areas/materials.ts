/** Copy for the materials screens, in Chinese and English (same keys). */
export const zh = {};

export const en: typeof zh = {};
