/** R05's name in both languages: the console shows it, so it stays free of server code. */
export const R05Name = {
  code: 'R05',
  zh: '有车人员领取',
  en: 'Vehicle owner on means-tested aid',
} as const;
