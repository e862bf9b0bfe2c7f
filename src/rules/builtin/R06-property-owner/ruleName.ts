/** R06's name in both languages: the console shows it, so it stays free of server code. */
export const R06Name = {
  code: 'R06',
  zh: '有房产人员领取',
  en: 'Property owner on means-tested aid',
} as const;
