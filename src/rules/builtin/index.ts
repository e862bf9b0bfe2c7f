import type { BuiltinRule } from '../builtinRule.js';
import { R01 } from './R01-paid-after-death/rule.js';
import { R02 } from './R02-state-paid-staff/rule.js';
import { R03 } from './R03-official-relatives/rule.js';
import { R04 } from './R04-handler-conflict/rule.js';
import { R05 } from './R05-vehicle-owner/rule.js';
import { R06 } from './R06-property-owner/rule.js';
import { R07 } from './R07-business-owner/rule.js';
import { R08 } from './R08-duplicate-payments/rule.js';
import { R09 } from './R09-above-standard/rule.js';
import { R10 } from './R10-another-account/rule.js';
import { R11 } from './R11-identity-not-registered/rule.js';
import { R12 } from './R12-below-age/rule.js';
import { R13 } from './R13-salary-after-death/rule.js';
import { R14 } from './R14-overdue-handling/rule.js';
import { R15 } from './R15-complaint-cluster/rule.js';
import { R16 } from './R16-disability-without-certificate/rule.js';

/**
 * The rules of rules.md, in order: each folder holds a rule's SQL and explanation (rule.ts), its
 * name (ruleName.ts), its demo cases and its reference check (listed in demos.ts).
 */
export const builtinRules: readonly BuiltinRule[] = [
  R01,
  R02,
  R03,
  R04,
  R05,
  R06,
  R07,
  R08,
  R09,
  R10,
  R11,
  R12,
  R13,
  R14,
  R15,
  R16,
];
