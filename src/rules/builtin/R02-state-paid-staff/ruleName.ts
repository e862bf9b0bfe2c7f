/** R02's name in both languages: the console shows it, so it stays free of server code. */
export const R02Name = {
  code: 'R02',
  zh: '财政供养人员领取',
  en: 'State-paid staff on means-tested aid',
} as const;
