/** R09's name in both languages: the console shows it, so it stays free of server code. */
export const R09Name = { code: 'R09', zh: '超标准发放', en: 'Above the standard' } as const;
