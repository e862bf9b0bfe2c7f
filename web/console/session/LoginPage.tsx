import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input } from 'antd';
import type { ReactNode } from 'react';
import { api, errorMessage } from '../../components/api';
import type { LoginResponse } from '../../../src/api/session';
import { useI18n } from '../../components/i18n';
import { AuthFrame } from './AuthFrame';
import { meQuery } from './queries';

interface LoginValues {
  username: string;
  password: string;
}

export function LoginPage(): ReactNode {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const signIn = useMutation({
    mutationFn: (values: LoginValues) =>
      api.post<LoginResponse>('/api/session', {
        username: values.username.trim(),
        password: values.password,
      }),
    // The form stays busy until /api/me has answered and the workspace replaces it.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQuery.queryKey }),
  });
  const error = signIn.error ? errorMessage(signIn.error) : null;
  const busy = signIn.isPending;

  return (
    <AuthFrame
      title={t('login.title')}
      footer={
        <>
          <p>{t('login.notice')}</p>
          <a href="/">{t('login.portal')}</a>
        </>
      }
    >
      {error ? (
        <Alert
          type="error"
          showIcon
          title={error}
          className="auth-alert"
          data-testid="login-error"
          role="alert"
        />
      ) : null}
      <Form<LoginValues>
        layout="vertical"
        size="large"
        requiredMark={false}
        onFinish={(values) => signIn.mutate(values)}
        disabled={busy}
      >
        <Form.Item
          name="username"
          label={t('login.username')}
          rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
        >
          <Input
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            autoFocus
            data-testid="login-username"
          />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('login.password')}
          rules={[{ required: true, message: t('login.passwordRequired') }]}
        >
          <Input.Password autoComplete="current-password" data-testid="login-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
          {t('login.submit')}
        </Button>
      </Form>
    </AuthFrame>
  );
}
