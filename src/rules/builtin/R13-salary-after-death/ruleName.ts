/** R13's name in both languages: the console shows it, so it stays free of server code. */
export const R13Name = { code: 'R13', zh: '吃空饷', en: 'Salary after death' } as const;
