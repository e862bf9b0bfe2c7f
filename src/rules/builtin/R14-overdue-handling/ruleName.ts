/** R14's name in both languages: the console shows it, so it stays free of server code. */
export const R14Name = { code: 'R14', zh: '办理超时', en: 'Overdue handling' } as const;
