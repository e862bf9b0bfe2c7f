import { rolesWith } from '../../src/api/capabilities';
import type { Role } from '../../src/api/roles';
import type { MessageKey } from '../components/messages';

export const consoleBase = '/console';

export type PageKey =
  | 'home'
  | 'imports'
  | 'batches'
  | 'batch'
  | 'warnings'
  | 'warning'
  | 'users'
  | 'audit'
  | 'password';

/** A heading in the side menu that gathers pages. */
export type MenuGroup = 'collection';

export interface PageDefinition {
  key: PageKey;
  /** The path of the page; for a page with a parameter, the pattern (`/console/batches/:id`). */
  path: string;
  /** A page with a parameter: the pattern its paths match, the parameter in group 1. */
  pattern?: RegExp;
  label: MessageKey;
  /** Roles that may open the page; every role when absent. */
  roles?: readonly Role[];
  /** Shown in the side menu. */
  inMenu: boolean;
  /** The menu heading the page sits under. */
  group?: MenuGroup;
  /** A page outside the menu: the menu entry to highlight while it is open. */
  menuKey?: PageKey;
}

/** Who may do what: the server's own map (src/api/capabilities.ts), so the two never differ. */
export const importerRoles = rolesWith('batches.import');
export const reviewerRoles = rolesWith('batches.review');
export const batchReaderRoles = rolesWith('batches.read');
export const warningReaderRoles = rolesWith('warnings.read');
export const scanStarterRoles = rolesWith('scans.start');
export const warningRevealerRoles = rolesWith('warnings.reveal');

const batchPattern = /^\/console\/batches\/(\d{1,15})$/;
const warningPattern = /^\/console\/warnings\/(\d{1,15})$/;

export const groupLabels: Record<MenuGroup, MessageKey> = { collection: 'nav.collection' };

export const pages: readonly PageDefinition[] = [
  { key: 'home', path: `${consoleBase}/`, label: 'nav.home', inMenu: true },
  {
    key: 'imports',
    path: `${consoleBase}/imports`,
    label: 'nav.imports',
    roles: importerRoles,
    inMenu: true,
    group: 'collection',
  },
  {
    key: 'batches',
    path: `${consoleBase}/batches`,
    label: 'nav.batches',
    roles: batchReaderRoles,
    inMenu: true,
    group: 'collection',
  },
  {
    key: 'batch',
    path: `${consoleBase}/batches/:id`,
    pattern: batchPattern,
    label: 'nav.batch',
    roles: batchReaderRoles,
    inMenu: false,
    menuKey: 'batches',
  },
  {
    key: 'warnings',
    path: `${consoleBase}/warnings`,
    label: 'nav.warnings',
    roles: warningReaderRoles,
    inMenu: true,
  },
  {
    key: 'warning',
    path: `${consoleBase}/warnings/:id`,
    pattern: warningPattern,
    label: 'nav.warning',
    roles: warningReaderRoles,
    inMenu: false,
    menuKey: 'warnings',
  },
  {
    key: 'users',
    path: `${consoleBase}/users`,
    label: 'nav.users',
    roles: rolesWith('users.manage'),
    inMenu: true,
  },
  {
    key: 'audit',
    path: `${consoleBase}/audit`,
    label: 'nav.audit',
    roles: rolesWith('audit.read'),
    inMenu: true,
  },
  { key: 'password', path: `${consoleBase}/password`, label: 'nav.password', inMenu: true },
];

function normalise(pathname: string): string {
  return pathname.replace(/\/+$/, '').replace(/\/index\.html$/, '');
}

/** The page at a pathname: `/console`, `/console/` and `/console/index.html` are home. */
export function pageAt(pathname: string): PageDefinition | null {
  const path = normalise(pathname);
  if (path === consoleBase || path === '') return pages[0] ?? null;
  return (
    pages.find((page) => (page.pattern ? page.pattern.test(path) : page.path === path)) ?? null
  );
}

/** The batch number in `/console/batches/12`, or null. */
export function batchIdAt(pathname: string): number | null {
  const match = batchPattern.exec(normalise(pathname));
  return match?.[1] ? Number(match[1]) : null;
}

/** The warning number in `/console/warnings/12`, or null. */
export function warningIdAt(pathname: string): number | null {
  const match = warningPattern.exec(normalise(pathname));
  return match?.[1] ? Number(match[1]) : null;
}

export function batchPath(id: number): string {
  return `${consoleBase}/batches/${id}`;
}

/** The import page, ready to take a fix file for `fixes` (a batch of `dataset`). */
export function importPath(prefill: { dataset?: string; fixes?: number } = {}): string {
  const query = new URLSearchParams();
  if (prefill.dataset) query.set('dataset', prefill.dataset);
  if (prefill.fixes) query.set('fixes', String(prefill.fixes));
  const search = query.toString();
  return `${consoleBase}/imports${search ? `?${search}` : ''}`;
}

/** What the import page's address asks for: `?dataset=disbursements&fixes=12`. */
export function importPrefill(search: string): { dataset: string | null; fixes: number | null } {
  const query = new URLSearchParams(search);
  const dataset = query.get('dataset');
  const fixes = query.get('fixes');
  return {
    dataset: dataset && /^[a-z_]{1,40}$/.test(dataset) ? dataset : null,
    fixes: fixes && /^[1-9]\d{0,14}$/.test(fixes) ? Number(fixes) : null,
  };
}

export function mayOpen(page: PageDefinition, role: string): boolean {
  return !page.roles || (page.roles as readonly string[]).includes(role);
}

export function hasRole(roles: readonly Role[], role: string): boolean {
  return (roles as readonly string[]).includes(role);
}
