/**
 * The interface text of the portal and the console, gathered from each area's messages.ts.
 * Chinese is the default; English is a switch. `{name}` placeholders are filled by
 * `t(key, { name })`.
 */
import * as audit from '../console/audit/messages';
import * as home from '../console/home/messages';
import * as imports from '../console/imports/messages';
import * as scans from '../console/scans/messages';
import * as session from '../console/session/messages';
import * as shell from '../console/shell/messages';
import * as users from '../console/users/messages';
import * as warnings from '../console/warnings/messages';
import * as portal from '../portal/messages';
import * as shared from './sharedMessages';

/** Every area's texts, for the test that no key is defined twice. */
export const messageAreas = [
  shared,
  shell,
  session,
  home,
  imports,
  scans,
  warnings,
  users,
  audit,
  portal,
] as const;

export const zh = {
  ...shared.zh,
  ...shell.zh,
  ...session.zh,
  ...home.zh,
  ...imports.zh,
  ...scans.zh,
  ...warnings.zh,
  ...users.zh,
  ...audit.zh,
  ...portal.zh,
};

export type MessageKey = keyof typeof zh;

// Each area's English has its Chinese's keys (Translation), so this misses none.
export const en: Record<MessageKey, string> = {
  ...shared.en,
  ...shell.en,
  ...session.en,
  ...home.en,
  ...imports.en,
  ...scans.en,
  ...warnings.en,
  ...users.en,
  ...audit.en,
  ...portal.en,
};

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(zh, key);
}
