/** R10's name in both languages: the console shows it, so it stays free of server code. */
export const R10Name = { code: 'R10', zh: '代领冒领', en: 'Paid into another’s account' } as const;
