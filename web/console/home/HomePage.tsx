import { Card, Col, Descriptions, Row, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../components/i18n';
import type { MessageKey } from '../../components/messages';
import {
  batchReaderRoles,
  hasRole,
  importerRoles,
  importPath,
  warningReaderRoles,
} from '../routes';
import { useSession } from '../session/session';
import { ConsoleLink } from '../shell/ConsoleLink';
import { roleName } from '../shell/roleName';

const stages: readonly { title: MessageKey; text: MessageKey }[] = [
  { title: 'home.stage.before', text: 'home.stage.beforeText' },
  { title: 'home.stage.during', text: 'home.stage.duringText' },
  { title: 'home.stage.after', text: 'home.stage.afterText' },
];

/** The workspace home: who you are, and where the work will appear. */
export function HomePage(): ReactNode {
  const { t, language } = useI18n();
  const { user, jurisdiction } = useSession().me;
  // Where data collection starts for this role: importing, or reading the batches.
  const collection = hasRole(importerRoles, user.role)
    ? importPath()
    : hasRole(batchReaderRoles, user.role)
      ? '/console/batches'
      : null;
  const warnings = hasRole(warningReaderRoles, user.role) ? '/console/warnings' : null;
  return (
    <div className="page">
      <Card>
        <Typography.Title level={3} className="page-title" data-testid="welcome">
          {t('home.welcome', { name: user.displayName })}
        </Typography.Title>
        <Descriptions
          column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }}
          size="middle"
          bordered
          className="home-descriptions"
          items={[
            { key: 'name', label: t('home.name'), children: user.displayName },
            { key: 'username', label: t('home.username'), children: user.username },
            { key: 'role', label: t('home.role'), children: roleName(user.role, language) },
            {
              key: 'code',
              label: t('home.jurisdictionCode'),
              children: <span className="mono">{jurisdiction.code}</span>,
            },
            {
              key: 'jurisdiction',
              label: t('home.jurisdiction'),
              children: jurisdiction.fullName,
              span: 'filled',
            },
          ]}
        />
        {collection ? (
          <Typography.Paragraph
            className="home-coming home-collection"
            data-testid="home-collection"
          >
            {t('home.collection')}{' '}
            <ConsoleLink href={collection} testId="home-collection-link">
              {t('home.stage.beforeLink')}
            </ConsoleLink>
          </Typography.Paragraph>
        ) : null}
        {warnings ? (
          <Typography.Paragraph className="home-coming home-warnings" data-testid="home-warnings">
            {t('home.warnings')}{' '}
            <ConsoleLink href={warnings} testId="home-warnings-link">
              {t('nav.warnings')}
            </ConsoleLink>
          </Typography.Paragraph>
        ) : null}
        <Typography.Paragraph type="secondary" className="home-coming">
          {t('home.comingSoon')}
        </Typography.Paragraph>
      </Card>
      <Row gutter={[16, 16]} className="home-stages">
        {stages.map((stage) => (
          <Col key={stage.title} xs={24} md={8}>
            <Card
              size="small"
              title={t(stage.title)}
              extra={
                stage.title === 'home.stage.before' ? (
                  collection ? (
                    <ConsoleLink href={collection}>{t('home.stage.beforeLink')}</ConsoleLink>
                  ) : null
                ) : stage.title === 'home.stage.during' ? (
                  warnings ? (
                    <ConsoleLink href={warnings}>{t('home.stage.duringLink')}</ConsoleLink>
                  ) : null
                ) : (
                  <Tag>{t('common.comingSoon')}</Tag>
                )
              }
              className="home-stage"
            >
              <Typography.Text type="secondary">{t(stage.text)}</Typography.Text>
            </Card>
          </Col>
        ))}
      </Row>
    </div>
  );
}
