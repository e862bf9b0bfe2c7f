import { App as AntdApp, Button, Layout, Menu, Result, Tag, Tooltip } from 'antd';
import type { MenuProps } from 'antd';
import type { ReactNode } from 'react';
import { errorMessage } from '../../components/api';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useI18n } from '../../components/i18n';
import { useReportQueryErrors } from '../../components/queryClient';
import { isPlainClick, navigate, usePathname } from '../../components/router';
import { useMediaQuery } from '../../components/useMediaQuery';
import { AuditPage } from '../audit/AuditPage';
import { HomePage } from '../home/HomePage';
import { BatchesPage } from '../imports/BatchesPage';
import { BatchPage } from '../imports/BatchPage';
import { ImportPage } from '../imports/ImportPage';
import {
  batchIdAt,
  groupLabels,
  mayOpen,
  pageAt,
  pages,
  type MenuGroup,
  type PageDefinition,
  type PageKey,
  warningIdAt,
} from '../routes';
import { PasswordPage } from '../session/PasswordPage';
import { useApiErrorHandler, useSession } from '../session/session';
import { UsersPage } from '../users/UsersPage';
import { WarningPage } from '../warnings/WarningPage';
import { WarningsPage } from '../warnings/WarningsPage';
import { BrandMark } from './BrandMark';
import { roleName } from './roleName';

function pageContent(key: PageKey, pathname: string): ReactNode {
  switch (key) {
    case 'home':
      return <HomePage />;
    case 'imports':
      return <ImportPage />;
    case 'batches':
      return <BatchesPage />;
    case 'batch': {
      const id = batchIdAt(pathname) ?? 0;
      return <BatchPage key={id} id={id} />;
    }
    case 'warnings':
      return <WarningsPage />;
    case 'warning': {
      const id = warningIdAt(pathname) ?? 0;
      return <WarningPage key={id} id={id} />;
    }
    case 'users':
      return <UsersPage />;
    case 'audit':
      return <AuditPage />;
    case 'password':
      return <PasswordPage />;
  }
}

function MenuLink(props: { page: PageDefinition; children: ReactNode }): ReactNode {
  return (
    <a
      href={props.page.path}
      data-testid={`nav-${props.page.key}`}
      onClick={(event) => {
        if (!isPlainClick(event)) return;
        event.preventDefault();
        navigate(props.page.path);
      }}
    >
      {props.children}
    </a>
  );
}

/** The signed-in workspace: header, side menu by role, and the page at the current path. */
export function ConsoleLayout(): ReactNode {
  const { t, language } = useI18n();
  const session = useSession();
  const { message } = AntdApp.useApp();
  // The pages' failed requests are reported here, each once: a message, or back to sign-in.
  useReportQueryErrors(useApiErrorHandler());
  const pathname = usePathname();
  const { user, jurisdiction } = session.me;
  const page = pageAt(pathname);
  // Phones and narrow windows get the menu as a row of tabs under the header.
  const narrow = useMediaQuery('(max-width: 767px)');

  type MenuItem = NonNullable<MenuProps['items']>[number];
  const item = (p: PageDefinition): MenuItem => ({
    key: p.key,
    label: <MenuLink page={p}>{t(p.label)}</MenuLink>,
  });
  const visible = pages.filter((p) => p.inMenu && mayOpen(p, user.role));
  // The side menu gathers grouped pages under their heading; the phone's row of tabs lists
  // them flat.
  const items: MenuItem[] = [];
  const groups = new Map<MenuGroup, MenuItem[]>();
  for (const p of visible) {
    if (narrow || !p.group) {
      items.push(item(p));
      continue;
    }
    let children = groups.get(p.group);
    if (!children) {
      children = [];
      groups.set(p.group, children);
      items.push({
        type: 'group',
        key: `group-${p.group}`,
        label: t(groupLabels[p.group]),
        children,
      });
    }
    children.push(item(p));
  }
  const selectedKeys = page ? [page.menuKey ?? page.key] : [];

  let content: ReactNode;
  if (!page) {
    content = (
      <Result
        status="404"
        title={t('page.notFound')}
        extra={
          <Button type="primary" onClick={() => navigate('/console/')}>
            {t('page.backHome')}
          </Button>
        }
      />
    );
  } else if (!mayOpen(page, user.role)) {
    content = (
      <Result
        status="403"
        title={t('page.forbidden')}
        extra={
          <Button type="primary" onClick={() => navigate('/console/')}>
            {t('page.backHome')}
          </Button>
        }
      />
    );
  } else {
    content = pageContent(page.key, pathname);
  }

  return (
    <Layout className="console-layout">
      <Layout.Header className="console-header">
        <a
          className="console-brand"
          href="/console/"
          onClick={(event) => {
            if (!isPlainClick(event)) return;
            event.preventDefault();
            navigate('/console/');
          }}
        >
          <BrandMark size={30} />
          <span className="console-brand-name">{t('app.name')}</span>
          <span className="console-brand-tagline">{t('app.tagline')}</span>
        </a>
        <div className="console-identity">
          <Tooltip title={jurisdiction.code}>
            <span className="console-jurisdiction" data-testid="workspace-jurisdiction">
              {jurisdiction.fullName}
            </span>
          </Tooltip>
          <span className="console-user-name" data-testid="workspace-user-name">
            {user.displayName}
          </span>
          <Tag color="blue" className="console-role" data-testid="workspace-role">
            {roleName(user.role, language)}
          </Tag>
        </div>
        <div className="console-actions">
          <LanguageSwitch />
          <Button
            size="small"
            ghost
            data-testid="logout"
            onClick={() => {
              session.signOut().catch((error: unknown) => void message.error(errorMessage(error)));
            }}
          >
            {t('header.logout')}
          </Button>
        </div>
      </Layout.Header>
      {narrow ? (
        <Layout>
          <Menu
            mode="horizontal"
            selectedKeys={selectedKeys}
            items={items}
            aria-label={t('header.menu')}
            className="console-menu console-menu-top"
          />
          <Layout.Content className="console-content">{content}</Layout.Content>
        </Layout>
      ) : (
        <Layout>
          <Layout.Sider width={200} theme="light" className="console-sider">
            <Menu
              mode="inline"
              selectedKeys={selectedKeys}
              items={items}
              aria-label={t('header.menu')}
              className="console-menu"
            />
          </Layout.Sider>
          <Layout.Content className="console-content">{content}</Layout.Content>
        </Layout>
      )}
    </Layout>
  );
}
