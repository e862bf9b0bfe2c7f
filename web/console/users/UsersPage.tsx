import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { roles } from '../../../src/api/roles';
import { api, errorMessage } from '../../components/api';
import type {
  CreateUserResponse,
  ResetPasswordResponse,
  UserSummary,
} from '../../../src/api/users';
import { formatDateTime } from '../../components/format';
import { useI18n } from '../../components/i18n';
import { isSessionError, useApiErrorHandler, useSession } from '../session/session';
import { JurisdictionPicker } from '../shell/JurisdictionPicker';
import { PageHeading } from '../shell/PageHeading';
import { roleName } from '../shell/roleName';
import { usersQuery } from './queries';

interface CreateValues {
  username: string;
  displayName: string;
  role: string;
  jurisdiction: string[];
}

interface Issued {
  kind: 'created' | 'reset';
  name: string;
  username: string;
  password: string;
}

function OneTimePasswordModal(props: { issued: Issued | null; onClose: () => void }): ReactNode {
  const { t } = useI18n();
  const { issued } = props;
  return (
    <Modal
      open={issued !== null}
      title={t('users.otp.title')}
      onCancel={props.onClose}
      mask={{ closable: false }}
      keyboard={false}
      footer={
        <Button type="primary" onClick={props.onClose} data-testid="otp-close">
          {t('users.otp.close')}
        </Button>
      }
    >
      {issued ? (
        <>
          <Typography.Paragraph>
            {t(issued.kind === 'created' ? 'users.otp.created' : 'users.otp.reset', {
              name: issued.name,
              username: issued.username,
            })}
          </Typography.Paragraph>
          <div className="otp-box">
            <Typography.Text copyable={{ text: issued.password }} className="otp-value">
              <span data-testid="otp-value">{issued.password}</span>
            </Typography.Text>
          </div>
          <Alert type="warning" showIcon title={t('users.otp.hint')} />
        </>
      ) : null}
    </Modal>
  );
}

function CreateUserModal(props: {
  open: boolean;
  onClose: () => void;
  onCreated: (response: CreateUserResponse) => void;
}): ReactNode {
  const { t, language } = useI18n();
  const { jurisdiction } = useSession().me;
  const handleError = useApiErrorHandler();
  const [form] = Form.useForm<CreateValues>();
  const create = useMutation({
    mutationFn: (values: CreateValues) =>
      api.post<CreateUserResponse>('/api/users', {
        username: values.username.trim(),
        displayName: values.displayName.trim(),
        role: values.role,
        jurisdictionCode: values.jurisdiction[values.jurisdiction.length - 1] ?? jurisdiction.code,
      }),
    // The one-time password lives in the dialog's state only, not in the mutation cache.
    gcTime: 0,
    onSuccess: (response) => {
      form.resetFields();
      props.onCreated(response);
    },
    onError: (caught) => {
      // Form mistakes stay in the form; an ended session leaves the page.
      if (isSessionError(caught)) handleError(caught);
    },
  });
  const error = create.error && !isSessionError(create.error) ? errorMessage(create.error) : null;
  const busy = create.isPending;

  return (
    <Modal
      open={props.open}
      title={t('users.create')}
      onCancel={props.onClose}
      okText={t('users.form.submit')}
      onOk={() => form.submit()}
      okButtonProps={{ loading: busy, 'data-testid': 'user-submit' }}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      {error ? (
        <Alert type="error" showIcon title={error} className="form-alert" role="alert" />
      ) : null}
      <Form<CreateValues>
        form={form}
        layout="vertical"
        disabled={busy}
        initialValues={{ jurisdiction: [jurisdiction.code] }}
        onFinish={(values) => create.mutate(values)}
        preserve={false}
      >
        <Form.Item
          name="username"
          label={t('users.form.username')}
          extra={t('users.form.usernameHint')}
          rules={[
            { required: true, whitespace: true, min: 2, max: 32, message: t('common.required') },
          ]}
        >
          <Input autoComplete="off" spellCheck={false} data-testid="user-username" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('users.form.displayName')}
          rules={[{ required: true, whitespace: true, max: 64, message: t('common.required') }]}
        >
          <Input autoComplete="off" data-testid="user-display-name" />
        </Form.Item>
        <Form.Item
          name="role"
          label={t('users.form.role')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Select
            data-testid="user-role"
            options={roles.map((role) => ({ value: role, label: roleName(role, language) }))}
          />
        </Form.Item>
        <Form.Item
          name="jurisdiction"
          label={t('users.form.jurisdiction')}
          extra={t('users.form.jurisdictionHint')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <JurisdictionPicker root={jurisdiction} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Administrators: the users of the jurisdiction, new users and password resets. */
export function UsersPage(): ReactNode {
  const { t, language } = useI18n();
  const session = useSession();
  const handleError = useApiErrorHandler();
  const queryClient = useQueryClient();
  const users = useQuery(usersQuery);
  const [creating, setCreating] = useState(false);
  const [issued, setIssued] = useState<Issued | null>(null);
  const reset = useMutation({
    mutationFn: (user: UserSummary) =>
      api.post<ResetPasswordResponse>(`/api/users/${user.id}/password-reset`),
    // The one-time password lives in the dialog's state only, not in the mutation cache.
    gcTime: 0,
    onSuccess: (response, user) => {
      setIssued({
        kind: 'reset',
        name: user.displayName,
        username: user.username,
        password: response.oneTimePassword,
      });
      void queryClient.invalidateQueries({ queryKey: usersQuery.queryKey });
    },
    onError: handleError,
  });
  const resetting = reset.isPending ? reset.variables.id : null;

  const columns: TableColumnsType<UserSummary> = [
    {
      title: t('users.col.username'),
      dataIndex: 'username',
      render: (value: string) => <span className="mono">{value}</span>,
    },
    { title: t('users.col.displayName'), dataIndex: 'displayName' },
    {
      title: t('users.col.role'),
      dataIndex: 'role',
      render: (role: string) => roleName(role, language),
    },
    {
      title: t('users.col.jurisdiction'),
      dataIndex: 'jurisdictionCode',
      render: (code: string, user) => (
        <span>
          {user.jurisdictionName} <span className="mono muted">{code}</span>
        </span>
      ),
    },
    {
      title: t('users.col.status'),
      key: 'status',
      render: (_value, user) => (
        <Space size={4} wrap>
          {user.active ? (
            <Tag color="green">{t('users.status.active')}</Tag>
          ) : (
            <Tag>{t('users.status.inactive')}</Tag>
          )}
          {user.mustChangePassword ? (
            <Tag color="orange">{t('users.status.mustChange')}</Tag>
          ) : null}
        </Space>
      ),
    },
    {
      title: t('users.col.createdAt'),
      dataIndex: 'createdAt',
      render: (value: string) => formatDateTime(value),
    },
    {
      title: t('users.col.lastLoginAt'),
      dataIndex: 'lastLoginAt',
      render: (value: string | null) =>
        value ? (
          formatDateTime(value)
        ) : (
          <Typography.Text type="secondary">{t('users.never')}</Typography.Text>
        ),
    },
    {
      title: t('users.col.actions'),
      key: 'actions',
      render: (_value, user) =>
        user.id === session.me.user.id ? null : (
          <Popconfirm
            title={t('users.reset')}
            description={t('users.resetConfirm', { name: user.displayName })}
            okText={t('users.reset')}
            cancelText={t('common.cancel')}
            onConfirm={() => reset.mutate(user)}
          >
            <Button
              type="link"
              size="small"
              loading={resetting === user.id}
              data-testid={`reset-${user.username}`}
            >
              {t('users.reset')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <div className="page">
      <Card>
        <PageHeading
          title={t('users.title')}
          intro={t('users.intro')}
          actions={
            <Button type="primary" onClick={() => setCreating(true)} data-testid="user-create">
              {t('users.create')}
            </Button>
          }
        />
        <Table<UserSummary>
          rowKey="id"
          columns={columns}
          dataSource={users.data?.users ?? []}
          loading={users.isPending}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          size="middle"
          data-testid="users-table"
        />
      </Card>
      <CreateUserModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(response) => {
          setCreating(false);
          setIssued({
            kind: 'created',
            name: response.user.displayName,
            username: response.user.username,
            password: response.oneTimePassword,
          });
          void queryClient.invalidateQueries({ queryKey: usersQuery.queryKey });
        }}
      />
      <OneTimePasswordModal issued={issued} onClose={() => setIssued(null)} />
    </div>
  );
}
