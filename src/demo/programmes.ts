import type { DatasetRows } from './demoCounty.js';

/** The programme catalogue of the demo county and who handles each programme in a township. */

export type ProgramCode = 'DB' | 'TK' | 'GL' | 'CJ' | 'YL' | 'GD' | 'WF' | 'LS';

/** The township posts that handle payments and applications. */
export type HandlerPost = '民政专干' | '社保专干' | '农业专干' | '村镇建设专干';

export interface Programme {
  code: ProgramCode;
  name: string;
  department: string;
  /** The most one person may get in one month, in fen; null when not fixed. */
  standardFen: number | null;
  meansTested: boolean;
  minAge: number | null;
  requiresDisability: boolean;
  exclusiveWith: ProgramCode[];
  handler: HandlerPost;
  /** Day of the month the bank pays. */
  payDay: number;
}

export const programmes: Record<ProgramCode, Programme> = {
  DB: {
    code: 'DB',
    name: '城乡居民最低生活保障',
    department: '县民政局',
    standardFen: 56_000,
    meansTested: true,
    minAge: null,
    requiresDisability: false,
    exclusiveWith: ['TK'],
    handler: '民政专干',
    payDay: 10,
  },
  TK: {
    code: 'TK',
    name: '特困人员救助供养',
    department: '县民政局',
    standardFen: 73_000,
    meansTested: true,
    minAge: null,
    requiresDisability: false,
    exclusiveWith: ['DB'],
    handler: '民政专干',
    payDay: 10,
  },
  GL: {
    code: 'GL',
    name: '高龄津贴',
    department: '县民政局',
    standardFen: 50_000,
    meansTested: false,
    minAge: 80,
    requiresDisability: false,
    exclusiveWith: [],
    handler: '民政专干',
    payDay: 15,
  },
  CJ: {
    code: 'CJ',
    name: '困难残疾人生活补贴和重度残疾人护理补贴',
    department: '县残疾人联合会',
    standardFen: 18_000,
    meansTested: false,
    minAge: null,
    requiresDisability: true,
    exclusiveWith: [],
    handler: '民政专干',
    payDay: 15,
  },
  YL: {
    code: 'YL',
    name: '城乡居民基本养老保险待遇',
    department: '县人力资源和社会保障局',
    standardFen: null,
    meansTested: false,
    minAge: 60,
    requiresDisability: false,
    exclusiveWith: [],
    handler: '社保专干',
    payDay: 20,
  },
  GD: {
    code: 'GD',
    name: '耕地地力保护补贴',
    department: '县农业农村局',
    standardFen: null,
    meansTested: false,
    minAge: null,
    requiresDisability: false,
    exclusiveWith: [],
    handler: '农业专干',
    payDay: 18,
  },
  WF: {
    code: 'WF',
    name: '农村危房改造补助',
    department: '县住房和城乡建设局',
    standardFen: null,
    meansTested: false,
    minAge: null,
    requiresDisability: false,
    exclusiveWith: [],
    handler: '村镇建设专干',
    payDay: 25,
  },
  LS: {
    code: 'LS',
    name: '临时救助',
    department: '县民政局',
    standardFen: null,
    meansTested: true,
    minAge: null,
    requiresDisability: false,
    exclusiveWith: [],
    handler: '民政专干',
    payDay: 22,
  },
};

export const programmeCodes = Object.keys(programmes) as ProgramCode[];

/** Fen as a clerk types yuan: 56000 → '560.00'. */
export function yuan(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

export function programmeRows(): DatasetRows[] {
  return programmeCodes.map((code) => {
    const p = programmes[code];
    return {
      program_code: p.code,
      name: p.name,
      department: p.department,
      standard_monthly: p.standardFen === null ? '' : yuan(p.standardFen),
      means_tested: p.meansTested ? '是' : '否',
      min_age: p.minAge === null ? '' : String(p.minAge),
      requires_disability: p.requiresDisability ? '是' : '否',
      exclusive_with: p.exclusiveWith.join(';'),
    };
  });
}

/** 高龄津贴 by age: 100 yuan from 80, 200 from 90, 500 from 100. */
export function oldAgeAllowanceFen(age: number): number {
  if (age >= 100) return 50_000;
  if (age >= 90) return 20_000;
  return 10_000;
}
