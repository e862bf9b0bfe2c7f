/** R15's name in both languages: the console shows it, so it stays free of server code. */
export const R15Name = { code: 'R15', zh: '投诉集中', en: 'Complaint cluster' } as const;
