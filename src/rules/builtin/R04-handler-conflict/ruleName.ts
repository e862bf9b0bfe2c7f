/** R04's name in both languages: the console shows it, so it stays free of server code. */
export const R04Name = {
  code: 'R04',
  zh: '经办人利益冲突',
  en: 'Handler conflict of interest',
} as const;
