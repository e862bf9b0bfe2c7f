import type { Role } from '../api/roles.js';

/** Who may bring data in, and who may decide whether it goes live. */
export const importerRoles: readonly Role[] = ['clerk', 'reviewer', 'admin'];
export const reviewerRoles: readonly Role[] = ['reviewer', 'admin'];
