/** R08's name in both languages: the console shows it, so it stays free of server code. */
export const R08Name = { code: 'R08', zh: '重复领取', en: 'Duplicate payments' } as const;
