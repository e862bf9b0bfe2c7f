import type { Role } from './roles.js';

/**
 * What each role may do: the server's routes and commands take their roles from here, and the
 * console shows a page or a button only when the user's role holds the capability behind it.
 */
export const capabilities = {
  /** Bring data in: upload a file, read a source's saved column names. */
  'batches.import': ['clerk', 'reviewer', 'admin'],
  /** Decide whether a batch goes live (a reviewer other than its uploader); save column names. */
  'batches.review': ['reviewer', 'admin'],
  /** Read batches, their quarantined rows and the datasets' quality. */
  'batches.read': ['clerk', 'reviewer', 'admin', 'inspector', 'leader'],
  /** Approve one's own batch, with an override and a reason (a county with one administrator). */
  'batches.reviewOwn': ['admin'],
  /** Follow another user's import in progress in the jurisdiction. */
  'imports.readOthers': ['admin'],
  /** Take an approved batch back out of live data. */
  'batches.rollback': ['admin'],
  /** Read warnings, scans and relationship networks. */
  'warnings.read': ['inspector', 'leader', 'admin'],
  /**
   * See one warning's full ID numbers, with a reason: the discipline inspectors, whose work it
   * is to identify and pursue the person, and the administrators, who can read the database on
   * the server anyway (so that their reading is at least logged). Leaders see masked numbers.
   */
  'warnings.reveal': ['inspector', 'admin'],
  /** Add, change and switch custom rules. */
  'rules.manage': ['admin'],
  /** Start a scan. */
  'scans.start': ['inspector', 'admin'],
  /** Read the audit trail. */
  'audit.read': ['admin', 'inspector'],
  /** Verify the audit trail's hash chain. */
  'audit.verify': ['admin'],
  /** Give departments exchange credentials and revoke them. */
  'exchange.manage': ['admin'],
  /** Read leads (问题线索), their timeline and queues, within scope. */
  'leads.read': ['inspector', 'leader', 'admin', 'handler'],
  /** Read the counts and amounts of leads by state and class (not an office's handlers). */
  'leads.totals': ['inspector', 'leader', 'admin'],
  /** Register leads, triage them to an office and class, split and override routing. */
  'leads.triage': ['inspector', 'admin'],
  /** Work a lead of one's own office: start verifying, submit an outcome, ask for more time. */
  'leads.handle': ['handler'],
  /** Supervise late leads (督办) and grant extensions. */
  'leads.supervise': ['inspector', 'admin'],
  /** Approve a lead's closure, send it back, archive or reopen it (supervising office). */
  'leads.approve': ['inspector', 'admin'],
  /** Create users, change their roles, reset their passwords. */
  'users.manage': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Capability = keyof typeof capabilities;

/** The roles that hold a capability. */
export function rolesWith(capability: Capability): readonly Role[] {
  return capabilities[capability];
}

/** Whether a role (as the server sends it) holds a capability. */
export function can(role: string, capability: Capability): boolean {
  return (capabilities[capability] as readonly string[]).includes(role);
}
