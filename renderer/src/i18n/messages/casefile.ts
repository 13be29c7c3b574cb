// Messages of the casefile feature. nl is the default; en must have the same keys.
export const nl = {};

export const en: typeof nl = {};
