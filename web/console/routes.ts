import type { Role } from '../../src/shared/roles';
import type { MessageKey } from '../components/messages';

export const consoleBase = '/console';

export type PageKey = 'home' | 'users' | 'audit' | 'password';

export interface PageDefinition {
  key: PageKey;
  path: string;
  label: MessageKey;
  /** Roles that may open the page; every role when absent. */
  roles?: readonly Role[];
  /** Shown in the side menu. */
  inMenu: boolean;
}

export const pages: readonly PageDefinition[] = [
  { key: 'home', path: `${consoleBase}/`, label: 'nav.home', inMenu: true },
  {
    key: 'users',
    path: `${consoleBase}/users`,
    label: 'nav.users',
    roles: ['admin'],
    inMenu: true,
  },
  {
    key: 'audit',
    path: `${consoleBase}/audit`,
    label: 'nav.audit',
    roles: ['admin', 'inspector'],
    inMenu: true,
  },
  { key: 'password', path: `${consoleBase}/password`, label: 'nav.password', inMenu: true },
];

/** The page at a pathname: `/console`, `/console/` and `/console/index.html` are home. */
export function pageAt(pathname: string): PageDefinition | null {
  const path = pathname.replace(/\/+$/, '').replace(/\/index\.html$/, '');
  if (path === consoleBase || path === '') return pages[0] ?? null;
  return pages.find((page) => page.path === path) ?? null;
}

export function mayOpen(page: PageDefinition, role: string): boolean {
  return !page.roles || (page.roles as readonly string[]).includes(role);
}
