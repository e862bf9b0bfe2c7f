import type { BuiltinRule } from '../builtinRule.js';
import { R01 } from './R01.js';
import { R02 } from './R02.js';
import { R03 } from './R03.js';
import { R04 } from './R04.js';
import { R05 } from './R05.js';
import { R06 } from './R06.js';
import { R07 } from './R07.js';
import { R08 } from './R08.js';
import { R09 } from './R09.js';
import { R10 } from './R10.js';
import { R11 } from './R11.js';
import { R12 } from './R12.js';
import { R13 } from './R13.js';
import { R14 } from './R14.js';
import { R15 } from './R15.js';
import { R16 } from './R16.js';

/** The rules of rules.md, in order. */
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
