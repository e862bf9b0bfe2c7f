/** R16's name in both languages: the console shows it, so it stays free of server code. */
export const R16Name = {
  code: 'R16',
  zh: '无证领取残疾补贴',
  en: 'Disability aid without a certificate',
} as const;
