/** Roles (see README, "Command line"), shared by the server and the web front end. */
export const roles = ['clerk', 'reviewer', 'inspector', 'handler', 'leader', 'admin'] as const;
export type Role = (typeof roles)[number];

export const roleNames: Record<Role, { zh: string; en: string }> = {
  clerk: { zh: '数据录入员', en: 'Data clerk' },
  reviewer: { zh: '审核员', en: 'Reviewer' },
  inspector: { zh: '纪检监察员', en: 'Discipline inspector' },
  handler: { zh: '承办人', en: 'Department handler' },
  leader: { zh: '领导', en: 'Leader' },
  admin: { zh: '系统管理员', en: 'Administrator' },
};

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}
