import { isRole, roleNames } from '../../../src/api/roles';
import type { Language } from '../../components/i18n';

/** A role in the interface language; an unknown role as the server spells it. */
export function roleName(role: string, language: Language): string {
  return isRole(role) ? roleNames[role][language] : role;
}
