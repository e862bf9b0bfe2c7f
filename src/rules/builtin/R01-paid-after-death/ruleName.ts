/** R01's name in both languages: the console shows it, so it stays free of server code. */
export const R01Name = { code: 'R01', zh: '死亡后仍发放', en: 'Paid after death' } as const;
