/** R07's name in both languages: the console shows it, so it stays free of server code. */
export const R07Name = {
  code: 'R07',
  zh: '经营企业人员领取',
  en: 'Business owner on means-tested aid',
} as const;
