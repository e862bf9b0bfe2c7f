import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Card, Select, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import type { Division } from '../../../src/api/divisions';
import type { WarningSeverity, WarningSummary as Warning } from '../../../src/api/warnings';
import { formatCount } from '../../components/format';
import { useI18n } from '../../components/i18n';
import { isPlainClick, navigate } from '../../components/router';
import { useMediaQuery } from '../../components/useMediaQuery';
import { ScanCard } from '../scans/ScanCard';
import { useSession } from '../session/session';
import { ConsoleLink } from '../shell/ConsoleLink';
import { divisionsQuery } from '../shell/queries';
import { useDivisionNames } from '../shell/useDivisionNames';
import { warningsKey, warningsQuery } from './queries';
import {
  builtinRules,
  formatPeriods,
  formatYuan,
  maskText,
  parseWarningFilter,
  ruleName,
  severities,
  severityColour,
  severityKey,
  warningFilterSearch,
  warningStatuses,
  warningStatusKey,
  warningPageSize,
  warningPath,
  warningsListPath,
  type WarningFilter,
  type WarningStatus,
} from './warnings';

/** Empty lists, one each, so that memos and effects see no change. */
const noWarnings: Warning[] = [];
const noDivisions: Division[] = [];

export function SeverityTag(props: { severity: string; testId?: string }): ReactNode {
  const { t } = useI18n();
  const key = severityKey(props.severity);
  return (
    <Tag color={severityColour(props.severity)} data-testid={props.testId} className="severity-tag">
      {key ? t(key) : props.severity}
    </Tag>
  );
}

export function WarningStatusTag(props: { status: string; testId?: string }): ReactNode {
  const { t } = useI18n();
  const key = warningStatusKey(props.status);
  return (
    <Tag
      color={props.status === 'open' ? 'volcano' : props.status === 'cleared' ? 'green' : 'default'}
      data-testid={props.testId}
    >
      {key ? t(key) : props.status}
    </Tag>
  );
}

/** `R01` with the rule's name; a custom rule by its code. */
export function RuleText(props: { code: string; name?: string | null }): ReactNode {
  const { language } = useI18n();
  const name = ruleName(props.code, language) ?? props.name ?? null;
  return (
    <span className="rule-text">
      <span className="mono rule-code">{props.code}</span>
      {name ? <span>{name}</span> : null}
    </span>
  );
}

/** The subject: a name, and under it the ID number (masked, or revealed in full) or its kind. */
export function SubjectText(props: {
  warning: Warning;
  /** The full ID number, once revealed (the server sends it masked). */
  fullId?: string | null;
  link?: string;
}): ReactNode {
  const { t } = useI18n();
  const { warning } = props;
  const kind = warning.subject_kind;
  const name = props.link ? (
    <ConsoleLink href={props.link} className="subject-name">
      {warning.subject_name}
    </ConsoleLink>
  ) : (
    <span className="subject-name">{warning.subject_name}</span>
  );
  return (
    <span className="subject-text">
      {name}
      {kind === 'person' ? (
        <span className="mono subject-id" data-testid={`subject-id-${warning.id}`}>
          {props.fullId ?? maskText(warning.subject_id_number)}
        </span>
      ) : (
        <span className="subject-id">
          <Tag className="subject-kind">
            {kind === 'organisation'
              ? t('warnings.subjectKind.organisation')
              : kind === 'village'
                ? t('warnings.subjectKind.village')
                : kind}
          </Tag>
        </span>
      )}
    </span>
  );
}

function amountText(fen: number): string {
  return fen === 0 ? '—' : formatYuan(fen);
}

/**
 * Warnings of the user's jurisdiction, highest risk first, twenty a page from the server,
 * filtered by rule, severity, township and status (kept in the address, so that the back
 * link of a warning returns to the same view); the counts by severity above; the scans in
 * the corner.
 */
export function WarningsPage(): ReactNode {
  const { t, language } = useI18n();
  const { jurisdiction } = useSession().me;
  const queryClient = useQueryClient();
  const narrow = useMediaQuery('(max-width: 640px)');
  const [filter, setFilter] = useState<WarningFilter>(() =>
    parseWarningFilter(window.location.search),
  );
  const list = useQuery(warningsQuery(filter));
  const divisionList = useQuery(divisionsQuery(jurisdiction.code));
  const divisions = divisionList.data ?? (divisionList.isError ? noDivisions : null);

  // The address follows the filters without a new history entry, and without scrolling.
  useEffect(() => {
    window.history.replaceState(null, '', warningsListPath(filter));
  }, [filter]);

  // The answer for this very filter; while it loads, another page's answer stands in.
  const current = list.isPlaceholderData ? undefined : list.data;
  const loading = list.isFetching;
  const warnings = current?.warnings ?? noWarnings;
  const shownCounts = list.data?.bySeverity ?? null;

  // A page past the end (a scan cleared warnings, or an old address): the last page.
  const last = current ? Math.max(1, Math.ceil(current.total / warningPageSize)) : filter.page;
  if (current?.warnings.length === 0 && current.total > 0 && filter.page > last) {
    setFilter({ ...filter, page: last });
  }

  const { nameOf } = useDivisionNames(warnings.map((w) => w.village_code));
  const listSearch = warningFilterSearch(filter);
  // A finished scan may have added, changed or cleared any warning.
  const onScanFinished = useCallback(
    () => void queryClient.invalidateQueries({ queryKey: warningsKey }),
    [queryClient],
  );

  const ruleOptions = [
    ...builtinRules.map((rule) => ({
      value: rule.code,
      label: `${rule.code} ${rule[language]}`,
      'data-testid': `warnings-filter-rule-option-${rule.code}`,
    })),
    // Custom rules (C01…), offered by their code: the one asked for, and those on the page.
    ...[...new Set([filter.rule, ...warnings.map((w) => w.rule)])]
      .filter((code): code is string => !!code && !builtinRules.some((r) => r.code === code))
      .sort()
      .map((code) => ({
        value: code,
        label: code,
        'data-testid': `warnings-filter-rule-option-${code}`,
      })),
  ];
  const childLevel = divisions?.[0]?.level ?? jurisdiction.level + 1;

  const villageText = (code: string | null): ReactNode => {
    if (!code) return '—';
    const name = nameOf(code);
    return name ? (
      <Tooltip title={<span className="mono">{code}</span>}>
        <span className="nowrap">{name}</span>
      </Tooltip>
    ) : (
      <span className="mono">{code}</span>
    );
  };

  const wideColumns: TableColumnsType<Warning> = [
    {
      title: t('warnings.col.severity'),
      dataIndex: 'severity',
      render: (value: string, warning) => (
        <span className="warning-risk">
          <SeverityTag severity={value} />
          <Tooltip title={t('warnings.col.score')}>
            <strong className="warning-score">{warning.score}</strong>
          </Tooltip>
        </span>
      ),
    },
    {
      title: t('warnings.col.rule'),
      dataIndex: 'rule',
      render: (code: string) => <RuleText code={code} />,
    },
    {
      title: t('warnings.col.subject'),
      key: 'subject',
      render: (_value, warning) => (
        <div className="warning-subject-cell">
          <SubjectText warning={warning} link={warningPath(warning.id, listSearch)} />
          {/* Open is the rule; only a cleared warning says so. */}
          {warning.status !== 'open' ? (
            <WarningStatusTag status={warning.status} testId={`cleared-tag-${warning.id}`} />
          ) : null}
        </div>
      ),
    },
    {
      title: t('warnings.col.village'),
      dataIndex: 'village_code',
      render: villageText,
    },
    {
      title: t('warnings.col.program'),
      dataIndex: 'program_code',
      render: (value: string | null) => <span className="mono">{value ?? '—'}</span>,
    },
    {
      title: t('warnings.col.periods'),
      dataIndex: 'periods',
      render: (value: string[]) => (
        <span className="warning-periods">{formatPeriods(value, language)}</span>
      ),
    },
    {
      title: t('warnings.col.amount'),
      dataIndex: 'amount_fen',
      align: 'right',
      render: (value: number) => <span className="nowrap amount">{amountText(value)}</span>,
    },
    {
      title: t('warnings.col.explanation'),
      dataIndex: 'explanation',
      render: (value: string) => {
        const text = maskText(value);
        return (
          <Tooltip title={text} placement="topLeft">
            <span className="warning-explanation-cell">{text}</span>
          </Tooltip>
        );
      },
    },
  ];
  // A phone: one column, the warning as a small card.
  const narrowColumns: TableColumnsType<Warning> = [
    {
      title: t('warnings.title'),
      key: 'warning',
      render: (_value, warning) => (
        <div className="warning-cell">
          <div className="warning-cell-head">
            <SeverityTag severity={warning.severity} />
            <strong className="warning-score">{warning.score}</strong>
            <RuleText code={warning.rule} />
          </div>
          <SubjectText warning={warning} link={warningPath(warning.id, listSearch)} />
          <div className="warning-cell-meta">
            <span>{formatPeriods(warning.periods, language)}</span>
            {warning.amount_fen !== 0 ? (
              <span className="amount">
                {t('warning.amountValue', { amount: formatYuan(warning.amount_fen) })}
              </span>
            ) : null}
            {warning.status !== 'open' ? <WarningStatusTag status={warning.status} /> : null}
          </div>
          <div className="warning-cell-explanation">{maskText(warning.explanation)}</div>
        </div>
      ),
    },
  ];

  const summaryItems: { key: string; severity: WarningSeverity | null; count: number | null }[] = [
    {
      key: 'all',
      severity: null,
      count: shownCounts ? shownCounts.高 + shownCounts.中 + shownCounts.低 : null,
    },
    ...severities.map((severity) => ({
      key: severity === '高' ? 'high' : severity === '中' ? 'medium' : 'low',
      severity,
      count: shownCounts ? shownCounts[severity] : null,
    })),
  ];

  return (
    <div className="page">
      <div className="warnings-top">
        <Card className="warnings-heading">
          <Typography.Title level={3} className="page-title">
            {t('warnings.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('warnings.intro')}</Typography.Text>
          <div className="severity-summary" data-testid="warnings-summary">
            {summaryItems.map((item) => {
              const active = filter.severity === item.severity;
              return (
                <button
                  type="button"
                  key={item.key}
                  className={`severity-chip severity-chip-${item.key}${active ? ' severity-chip-active' : ''}`}
                  aria-pressed={active}
                  title={t('warnings.summary.hint')}
                  onClick={() => setFilter({ ...filter, severity: item.severity, page: 1 })}
                  data-testid={`warnings-summary-${item.key}`}
                >
                  <span className="severity-chip-label">
                    {item.severity
                      ? t(severityKey(item.severity) ?? 'warnings.summary.all')
                      : t('warnings.summary.all')}
                  </span>
                  <span className="severity-chip-count">
                    {item.count === null ? '…' : formatCount(item.count)}
                  </span>
                </button>
              );
            })}
          </div>
        </Card>
        <ScanCard onFinished={onScanFinished} />
      </div>
      <Card>
        <div className="table-filters warnings-filters">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            className="filter-select filter-select-wide"
            placeholder={t('warnings.filterRule')}
            value={filter.rule}
            onChange={(value: string | undefined) =>
              setFilter({ ...filter, rule: value ?? null, page: 1 })
            }
            options={ruleOptions}
            data-testid="warnings-filter-rule"
            virtual={false}
            listHeight={400}
          />
          <Select
            allowClear
            className="filter-select"
            placeholder={t('warnings.filterSeverity')}
            value={filter.severity}
            onChange={(value: WarningSeverity | undefined) =>
              setFilter({ ...filter, severity: value ?? null, page: 1 })
            }
            options={severities.map((s) => ({
              value: s,
              label: t(severityKey(s) ?? 'warnings.summary.all'),
              'data-testid': `warnings-filter-severity-option-${s}`,
            }))}
            data-testid="warnings-filter-severity"
            virtual={false}
          />
          {divisions === null || divisions.length > 0 ? (
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              className="filter-select"
              placeholder={t(
                childLevel >= 5 ? 'warnings.filterVillage' : 'warnings.filterTownship',
              )}
              value={filter.division}
              loading={divisions === null}
              onChange={(value: string | undefined) =>
                setFilter({ ...filter, division: value ?? null, page: 1 })
              }
              options={(divisions ?? []).map((d) => ({
                value: d.code,
                label: d.name,
                'data-testid': `warnings-filter-division-option-${d.code}`,
              }))}
              data-testid="warnings-filter-division"
              virtual={false}
              listHeight={400}
            />
          ) : null}
          <Select
            allowClear
            className="filter-select"
            placeholder={t('warnings.filterStatus')}
            value={filter.status === 'all' ? null : filter.status}
            onChange={(value: WarningStatus | undefined) =>
              setFilter({ ...filter, status: value ?? 'all', page: 1 })
            }
            options={warningStatuses.map((s) => ({
              value: s,
              label: t(`warnings.status.${s}`),
              'data-testid': `warnings-filter-status-option-${s}`,
            }))}
            data-testid="warnings-filter-status"
            virtual={false}
          />
        </div>
        <Table<Warning>
          rowKey="id"
          columns={narrow ? narrowColumns : wideColumns}
          dataSource={warnings}
          loading={loading}
          size="middle"
          scroll={narrow ? undefined : { x: 'max-content' }}
          rowClassName="warning-row"
          onRow={(warning) => ({
            'data-testid': `warning-row-${warning.id}`,
            onClick: (event) => {
              // Links in the row (the subject's name) handle their own clicks.
              if ((event.target as HTMLElement).closest('a')) return;
              if (!isPlainClick(event)) return;
              navigate(warningPath(warning.id, listSearch));
            },
          })}
          pagination={{
            current: filter.page,
            pageSize: warningPageSize,
            total: current?.total,
            showSizeChanger: false,
            showTotal: (total) => t('warnings.total', { count: formatCount(total) }),
            onChange: (page) => setFilter({ ...filter, page }),
            size: narrow ? 'small' : undefined,
          }}
          locale={{ emptyText: t('warnings.empty') }}
          data-testid="warnings-table"
        />
      </Card>
    </div>
  );
}
