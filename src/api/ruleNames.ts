import { R01Name } from '../rules/builtin/R01-paid-after-death/ruleName.js';
import { R02Name } from '../rules/builtin/R02-state-paid-staff/ruleName.js';
import { R03Name } from '../rules/builtin/R03-official-relatives/ruleName.js';
import { R04Name } from '../rules/builtin/R04-handler-conflict/ruleName.js';
import { R05Name } from '../rules/builtin/R05-vehicle-owner/ruleName.js';
import { R06Name } from '../rules/builtin/R06-property-owner/ruleName.js';
import { R07Name } from '../rules/builtin/R07-business-owner/ruleName.js';
import { R08Name } from '../rules/builtin/R08-duplicate-payments/ruleName.js';
import { R09Name } from '../rules/builtin/R09-above-standard/ruleName.js';
import { R10Name } from '../rules/builtin/R10-another-account/ruleName.js';
import { R11Name } from '../rules/builtin/R11-identity-not-registered/ruleName.js';
import { R12Name } from '../rules/builtin/R12-below-age/ruleName.js';
import { R13Name } from '../rules/builtin/R13-salary-after-death/ruleName.js';
import { R14Name } from '../rules/builtin/R14-overdue-handling/ruleName.js';
import { R15Name } from '../rules/builtin/R15-complaint-cluster/ruleName.js';
import { R16Name } from '../rules/builtin/R16-disability-without-certificate/ruleName.js';

/** A built-in rule's code and its name in both languages. */
export interface RuleName {
  code: string;
  zh: string;
  en: string;
}

/**
 * The names of the built-in rules, in order, shared by the server and the web front end (each
 * lives with its rule, in src/rules/builtin/<code>-<what it checks>/ruleName.ts).
 */
export const builtinRuleNames: readonly RuleName[] = [
  R01Name,
  R02Name,
  R03Name,
  R04Name,
  R05Name,
  R06Name,
  R07Name,
  R08Name,
  R09Name,
  R10Name,
  R11Name,
  R12Name,
  R13Name,
  R14Name,
  R15Name,
  R16Name,
];
