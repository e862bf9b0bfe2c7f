/** R11's name in both languages: the console shows it, so it stays free of server code. */
export const R11Name = { code: 'R11', zh: '身份存疑', en: 'Identity not on the registry' } as const;
