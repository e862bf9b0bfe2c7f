import type { ReferenceCheck } from '../../demo/referenceCounty.js';
import type { RuleDemoCases } from '../../demo/ruleCases.js';
import { R01DemoCases } from './R01-paid-after-death/demoCases.js';
import { R01ReferenceCheck } from './R01-paid-after-death/referenceCheck.js';
import { R02DemoCases } from './R02-state-paid-staff/demoCases.js';
import { R02ReferenceCheck } from './R02-state-paid-staff/referenceCheck.js';
import { R03DemoCases } from './R03-official-relatives/demoCases.js';
import { R03ReferenceCheck } from './R03-official-relatives/referenceCheck.js';
import { R04DemoCases } from './R04-handler-conflict/demoCases.js';
import { R04ReferenceCheck } from './R04-handler-conflict/referenceCheck.js';
import { R05DemoCases } from './R05-vehicle-owner/demoCases.js';
import { R05ReferenceCheck } from './R05-vehicle-owner/referenceCheck.js';
import { R06DemoCases } from './R06-property-owner/demoCases.js';
import { R06ReferenceCheck } from './R06-property-owner/referenceCheck.js';
import { R07DemoCases } from './R07-business-owner/demoCases.js';
import { R07ReferenceCheck } from './R07-business-owner/referenceCheck.js';
import { R08DemoCases } from './R08-duplicate-payments/demoCases.js';
import { R08ReferenceCheck } from './R08-duplicate-payments/referenceCheck.js';
import { R09DemoCases } from './R09-above-standard/demoCases.js';
import { R09ReferenceCheck } from './R09-above-standard/referenceCheck.js';
import { R10DemoCases } from './R10-another-account/demoCases.js';
import { R10ReferenceCheck } from './R10-another-account/referenceCheck.js';
import { R11DemoCases } from './R11-identity-not-registered/demoCases.js';
import { R11ReferenceCheck } from './R11-identity-not-registered/referenceCheck.js';
import { R12DemoCases } from './R12-below-age/demoCases.js';
import { R12ReferenceCheck } from './R12-below-age/referenceCheck.js';
import { R13DemoCases } from './R13-salary-after-death/demoCases.js';
import { R13ReferenceCheck } from './R13-salary-after-death/referenceCheck.js';
import { R14DemoCases } from './R14-overdue-handling/demoCases.js';
import { R14ReferenceCheck } from './R14-overdue-handling/referenceCheck.js';
import { R15DemoCases } from './R15-complaint-cluster/demoCases.js';
import { R15ReferenceCheck } from './R15-complaint-cluster/referenceCheck.js';
import { R16DemoCases } from './R16-disability-without-certificate/demoCases.js';
import { R16ReferenceCheck } from './R16-disability-without-certificate/referenceCheck.js';

/** What the demo county knows of a built-in rule: the cases it injects and how to check them. */
export interface RuleDemo {
  code: string;
  cases: RuleDemoCases;
  reference: ReferenceCheck;
}

/**
 * The demo cases and reference checks of the built-in rules, in the rules' order (index.ts):
 * the demo county injects them in this order, so that a seed always gives the same county.
 * Apart from index.ts so that the server does not load the demo generator.
 */
export const builtinRuleDemos: readonly RuleDemo[] = [
  { code: 'R01', cases: R01DemoCases, reference: R01ReferenceCheck },
  { code: 'R02', cases: R02DemoCases, reference: R02ReferenceCheck },
  { code: 'R03', cases: R03DemoCases, reference: R03ReferenceCheck },
  { code: 'R04', cases: R04DemoCases, reference: R04ReferenceCheck },
  { code: 'R05', cases: R05DemoCases, reference: R05ReferenceCheck },
  { code: 'R06', cases: R06DemoCases, reference: R06ReferenceCheck },
  { code: 'R07', cases: R07DemoCases, reference: R07ReferenceCheck },
  { code: 'R08', cases: R08DemoCases, reference: R08ReferenceCheck },
  { code: 'R09', cases: R09DemoCases, reference: R09ReferenceCheck },
  { code: 'R10', cases: R10DemoCases, reference: R10ReferenceCheck },
  { code: 'R11', cases: R11DemoCases, reference: R11ReferenceCheck },
  { code: 'R12', cases: R12DemoCases, reference: R12ReferenceCheck },
  { code: 'R13', cases: R13DemoCases, reference: R13ReferenceCheck },
  { code: 'R14', cases: R14DemoCases, reference: R14ReferenceCheck },
  { code: 'R15', cases: R15DemoCases, reference: R15ReferenceCheck },
  { code: 'R16', cases: R16DemoCases, reference: R16ReferenceCheck },
];
