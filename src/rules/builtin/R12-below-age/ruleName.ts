/** R12's name in both languages: the console shows it, so it stays free of server code. */
export const R12Name = { code: 'R12', zh: '年龄不符', en: 'Below the programme’s age' } as const;
