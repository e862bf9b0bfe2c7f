import { describe, expect, it } from 'vitest';
import { dictionaries, translate } from '../../components/i18n';
import {
  backToListPath,
  builtinRules,
  defaultWarningFilter,
  evidenceFact,
  formatPeriods,
  formatYuan,
  maskAccount,
  maskIdNumber,
  maskText,
  parseWarningFilter,
  periodRuns,
  relatedPerson,
  ruleLabel,
  ruleName,
  severityColour,
  shownId,
  warningFilterSearch,
  warningPath,
  warningsApiUrl,
  warningsListPath,
} from './warnings';

describe('rule names', () => {
  it('names the sixteen built-in rules in both languages, and custom rules by code', () => {
    expect(builtinRules.map((r) => r.code)).toEqual(
      Array.from({ length: 16 }, (_, i) => `R${String(i + 1).padStart(2, '0')}`),
    );
    expect(ruleName('R01', 'zh')).toBe('死亡后仍发放');
    expect(ruleName('r13', 'zh')).toBe('吃空饷');
    expect(ruleName('R16', 'zh')).toBe('无证领取残疾补贴');
    expect(ruleName('R08', 'en')).toBe('Duplicate payments');
    expect(ruleName('C01', 'zh')).toBeNull();
    expect(ruleLabel('R03', 'zh')).toBe('R03 干部本人或亲属享受');
    expect(ruleLabel('C01', 'zh')).toBe('C01');
  });

  it('colours severities: high red, medium orange, low blue', () => {
    expect(severityColour('高')).toBe('red');
    expect(severityColour('中')).toBe('orange');
    expect(severityColour('低')).toBe('blue');
    expect(severityColour('?')).toBe('default');
  });
});

describe('masking', () => {
  it('keeps the first six and the last four of an ID number', () => {
    expect(maskIdNumber('431226193803120015')).toBe('431226********0015');
    expect(maskIdNumber('43122619380312001X')).toBe('431226********001X');
    expect(maskIdNumber('431226380312001')).toBe('431226*****2001');
  });

  it('leaves what is not an ID number alone: codes, organisations, masked ids', () => {
    expect(maskIdNumber('431226101203')).toBe('431226101203');
    expect(maskIdNumber('锦和镇人民政府')).toBe('锦和镇人民政府');
    expect(maskIdNumber('431226********0015')).toBe('431226********0015');
  });

  it('masks accounts to their first and last four', () => {
    expect(maskAccount('6217995500001234567')).toBe('6217***********4567');
    expect(maskAccount('1234')).toBe('****');
  });

  it('masks ID numbers and accounts inside a text, but not division codes', () => {
    expect(maskText('经办人 431226193803120015 打入 6217995500001234567，村 431226101203')).toBe(
      '经办人 431226********0015 打入 6217***********4567，村 431226101203',
    );
    expect(maskText('431226********0015')).toBe('431226********0015');
    expect(shownId('431226193803120015', true)).toBe('431226193803120015');
    expect(shownId('431226193803120015', false)).toBe('431226********0015');
  });
});

describe('money and periods', () => {
  it('shows fen as yuan with two decimals and thousands separators', () => {
    expect(formatYuan(168000)).toBe('1,680.00');
    expect(formatYuan(5)).toBe('0.05');
    expect(formatYuan(123456789)).toBe('1,234,567.89');
    expect(formatYuan(0)).toBe('0.00');
    expect(formatYuan(-2050)).toBe('-20.50');
  });

  it('gathers months into runs of consecutive months, across a year end', () => {
    expect(periodRuns(['2024-06', '2024-04', '2024-05', '2024-05'])).toEqual([
      { from: '2024-04', to: '2024-06' },
    ]);
    expect(periodRuns(['2023-12', '2024-01', '2024-03'])).toEqual([
      { from: '2023-12', to: '2024-01' },
      { from: '2024-03', to: '2024-03' },
    ]);
  });

  it('writes a range as 2024-04 至 2024-06, runs joined, none as a dash', () => {
    expect(formatPeriods(['2024-04', '2024-05', '2024-06'], 'zh')).toBe('2024-04 至 2024-06');
    expect(formatPeriods(['2024-04', '2024-05', '2024-06'], 'en')).toBe('2024-04 to 2024-06');
    expect(formatPeriods(['2024-05'], 'zh')).toBe('2024-05');
    expect(formatPeriods(['2024-01', '2024-04', '2024-05'], 'zh')).toBe(
      '2024-01、2024-04 至 2024-05',
    );
    expect(formatPeriods(['2024-01', '2024-03'], 'en')).toBe('2024-01, 2024-03');
    expect(formatPeriods([], 'zh')).toBe('—');
    expect(formatPeriods(['junk'], 'zh')).toBe('junk');
  });
});

describe('the list address', () => {
  it('reads the filters, open warnings by default, and ignores junk', () => {
    expect(parseWarningFilter('')).toEqual(defaultWarningFilter);
    expect(
      parseWarningFilter(
        `?rule=r01&severity=${encodeURIComponent('高')}&division=431226101&status=cleared&page=3`,
      ),
    ).toEqual({ rule: 'R01', severity: '高', division: '431226101', status: 'cleared', page: 3 });
    expect(parseWarningFilter('?rule=<x>&severity=huge&division=43&status=gone&page=-2')).toEqual(
      defaultWarningFilter,
    );
    expect(parseWarningFilter('?rule=C01&status=all').rule).toBe('C01');
    expect(parseWarningFilter('?status=all').status).toBe('all');
  });

  it('writes the filters back, leaving the defaults out', () => {
    expect(warningFilterSearch(defaultWarningFilter)).toBe('');
    const filter = { ...defaultWarningFilter, rule: 'R05', severity: '中' as const, page: 2 };
    const search = warningFilterSearch(filter);
    expect(parseWarningFilter(search)).toEqual(filter);
    expect(warningsListPath(filter)).toBe(`/console/warnings?${search}`);
    expect(warningsListPath(defaultWarningFilter)).toBe('/console/warnings');
  });

  it('asks the API for a page, and for the counts by severity one row at a time', () => {
    const filter = { ...defaultWarningFilter, rule: 'R01', division: '431226101000', page: 3 };
    const page = new URL(warningsApiUrl(filter), 'http://x');
    expect(page.pathname).toBe('/api/warnings');
    expect(Object.fromEntries(page.searchParams)).toEqual({
      rule: 'R01',
      division: '431226101000',
      status: 'open',
      limit: '20',
      offset: '40',
    });
    const count = new URL(warningsApiUrl(filter, { limit: 1, severity: '低' }), 'http://x');
    expect(count.searchParams.get('severity')).toBe('低');
    expect(count.searchParams.get('limit')).toBe('1');
    expect(count.searchParams.get('offset')).toBe('0');
    // Both statuses: no status in the query.
    const all = new URL(warningsApiUrl({ ...defaultWarningFilter, status: 'all' }), 'http://x');
    expect(all.searchParams.has('status')).toBe(false);
  });

  it('takes the list’s filters to a warning and back', () => {
    const search = warningFilterSearch({ ...defaultWarningFilter, rule: 'R10', page: 2 });
    const path = warningPath(12, search);
    expect(path.startsWith('/console/warnings/12?list=')).toBe(true);
    expect(backToListPath(path.slice(path.indexOf('?')))).toBe(`/console/warnings?${search}`);
    expect(warningPath(12)).toBe('/console/warnings/12');
    expect(backToListPath('')).toBe('/console/warnings');
    expect(backToListPath('?list=rule%3D%3Cscript%3E')).toBe('/console/warnings');
  });
});

describe('the fact of a record of evidence', () => {
  const options = { reveal: false, self: '本人', member: (name: string) => `家庭成员${name}` };
  const subject = '431226197008210246';
  const say = (
    rule: string,
    details: Record<string, string | null>,
    dataset = 'disbursements',
    reveal = false,
  ): string => {
    const fact = evidenceFact({ rule, dataset, subject, details }, { ...options, reveal });
    return translate('zh', fact.key, fact.params);
  };

  it('explains a payment after death, and a salary after death', () => {
    expect(say('R01', { fact: 'death', date: '2024-03-20', text: '火化' })).toBe(
      '2024-03-20 死亡（信息来源：火化）',
    );
    expect(say('R13', { fact: 'death', date: '2023-01-02', ref: '县教育局' }, 'payroll')).toBe(
      '2023-01-02 死亡，县教育局 仍发放工资',
    );
  });

  it('names who the fact is about: the beneficiary or a household member', () => {
    expect(
      say('R02', {
        fact: 'payroll',
        text: '县教育局',
        related_id: '431226196811020014',
        related_name: '王志强',
      }),
    ).toBe('家庭成员王志强在县教育局领取财政供养工资');
    expect(
      say('R05', {
        fact: 'vehicle',
        text: '小型轿车',
        ref: '湘N·A1234',
        date: '2022-05-01',
        related_id: subject,
        related_name: '李秀英',
      }),
    ).toBe('本人名下小型轿车 湘N·A1234（2022-05-01 登记）');
  });

  it('takes the server’s word on who a fact is about, since it sends both numbers masked', () => {
    // A household member with the same region and last four as the beneficiary: the masked
    // numbers are equal, the people are not.
    const masked = '431226********0246';
    const vehicle = { fact: 'vehicle', text: '小型轿车', ref: '湘N·A1234', date: '2022-05-01' };
    const sayOf = (self: boolean) => {
      const details = { ...vehicle, related_id: masked, related_name: '王志强' };
      const fact = evidenceFact(
        { rule: 'R05', dataset: 'disbursements', subject: masked, details, self },
        options,
      );
      return translate('zh', fact.key, fact.params);
    };
    expect(sayOf(false)).toBe('家庭成员王志强名下小型轿车 湘N·A1234（2022-05-01 登记）');
    expect(sayOf(true)).toBe('本人名下小型轿车 湘N·A1234（2022-05-01 登记）');
  });

  it('tells R03’s household and declared links from R04’s handler links', () => {
    expect(
      say('R03', { fact: 'declared:兄弟姐妹', text: '村党支部书记', related_name: '李德明' }),
    ).toBe('为李德明（村党支部书记）申报的兄弟姐妹');
    expect(say('R03', { fact: 'household', text: '村会计', related_name: '张三' })).toBe(
      '与张三（村会计）同户',
    );
    expect(say('R04', { fact: 'declared', related_id: '431226197205060216' })).toBe(
      '经办人 431226********0216 与领取人有申报的亲属关系',
    );
    expect(say('R04', { fact: 'declared', related_id: '431226197205060216' }, 'x', true)).toBe(
      '经办人 431226197205060216 与领取人有申报的亲属关系',
    );
    expect(say('R04', { fact: 'self' })).toBe('经办人即领取人本人');
  });

  it('masks the account of an R10 hit unless revealed, and reads shared accounts', () => {
    expect(say('R10', { fact: 'holder_id', ref: '6217995500001234567', text: '陈明' })).toBe(
      '收款账户 6217***********4567 户名为陈明，既非本人也非同户成员',
    );
    expect(say('R10', { fact: 'shared_account', ref: '6217995500001234567', text: '4/3' })).toBe(
      '账户 6217***********4567 同期为 4 人（3 户）收款',
    );
  });

  it('reads the standard in fen, ages, overdue cases and complaints', () => {
    expect(say('R09', { fact: 'standard', ref: '56000', text: '2' })).toBe(
      '标准每人每月 560.00 元，保障 2 人',
    );
    expect(say('R12', { fact: 'age', ref: '80', text: '72' })).toBe(
      '领取时 72 周岁，项目最低年龄 80 周岁',
    );
    expect(
      say('R14', { fact: 'open', ref: '低保申请', date: '2024-03-01', text: '45/20' }, 'approvals'),
    ).toBe('低保申请：2024-03-01 受理，至今未办结，已用 45 个工作日（承诺 20 个）');
    expect(
      say('R15', { fact: 'official', ref: '优亲厚友', date: '2024-05-01' }, 'complaints'),
    ).toBe('投诉涉及该公职人员，事由：优亲厚友（2024-05-01 受理）');
    expect(say('R16', { fact: 'no_certificate' })).toBe('领取期间没有有效的残疾人证');
  });

  it('shows a custom rule’s record as it is, masked, and a missing value as a dash', () => {
    expect(say('C01', { fact: 'custom', text: '账户 6217995500001234567', ref: null })).toBe(
      '账户 6217***********4567',
    );
    expect(say('C01', {})).toBe('—');
    expect(say('R01', { fact: 'death' })).toBe('— 死亡（信息来源：—）');
  });

  it('uses only message keys that exist, in both languages', () => {
    const facts = [
      'death',
      'payroll',
      'official',
      'official_self',
      'household',
      'vehicle',
      '商业',
      'legal_rep',
      'shareholder',
      'same_program',
      'exclusive',
      'standard',
      'holder_name',
      'shared_account',
      'not_registered',
      'name_differs',
      'age',
      'open',
      'decided',
      'village',
      'no_certificate',
      'other',
    ];
    for (const fact of facts) {
      const { key } = evidenceFact(
        { rule: 'R99', dataset: 'd', subject, details: { fact } },
        options,
      );
      expect(dictionaries.zh[key], fact).toBeTruthy();
      expect(dictionaries.en[key], fact).toBeTruthy();
    }
  });
});

describe('the related person of a record', () => {
  it('shows a name with the masked ID number, or an organisation as it is', () => {
    expect(relatedPerson({ related_id: '431226197205060216', related_name: '李德明' }, false)).toBe(
      '李德明（431226********0216）',
    );
    expect(
      relatedPerson({ related_id: '431226197205060216', related_name: 'Li' }, true, 'en'),
    ).toBe('Li (431226197205060216)');
    expect(relatedPerson({ related_id: '锦和镇人民政府' }, false)).toBe('锦和镇人民政府');
    expect(relatedPerson({ related_id: null, related_name: null }, false)).toBeNull();
  });
});
