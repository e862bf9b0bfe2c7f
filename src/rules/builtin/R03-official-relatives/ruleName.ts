/** R03's name in both languages: the console shows it, so it stays free of server code. */
export const R03Name = {
  code: 'R03',
  zh: '干部本人或亲属享受',
  en: 'Officials or their relatives on means-tested aid',
} as const;
