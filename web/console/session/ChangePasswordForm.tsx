import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input } from 'antd';
import type { ReactNode } from 'react';
import { api, errorMessage, isApiError } from '../../components/api';
import type { OkResponse } from '../../../src/api/session';
import { useI18n } from '../../components/i18n';

interface ChangeValues {
  currentPassword: string;
  newPassword: string;
  repeatPassword: string;
}

function expired(error: unknown): boolean {
  return isApiError(error) && error.code === 'UNAUTHENTICATED';
}

/**
 * Current password, new password twice. The server owns the strength rule and says what
 * is wrong; the form only checks that the two new passwords match.
 */
export function ChangePasswordForm(props: {
  onChanged: () => void;
  /** The session ended meanwhile. */
  onExpired: () => void;
  submitLabel?: string;
}): ReactNode {
  const { t } = useI18n();
  const [form] = Form.useForm<ChangeValues>();
  const change = useMutation({
    mutationFn: (values: ChangeValues) =>
      api.post<OkResponse>('/api/me/password', {
        currentPassword: values.currentPassword,
        newPassword: values.newPassword,
      }),
    onSuccess: () => {
      form.resetFields();
      props.onChanged();
    },
    onError: (caught) => {
      if (expired(caught)) props.onExpired();
    },
  });
  const error = change.error && !expired(change.error) ? errorMessage(change.error) : null;
  const busy = change.isPending;

  return (
    <>
      {error ? (
        <Alert
          type="error"
          showIcon
          title={error}
          className="auth-alert"
          data-testid="change-error"
          role="alert"
        />
      ) : null}
      <Form<ChangeValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => change.mutate(values)}
        disabled={busy}
      >
        <Form.Item
          name="currentPassword"
          label={t('change.current')}
          rules={[{ required: true, message: t('login.passwordRequired') }]}
        >
          <Input.Password autoComplete="current-password" data-testid="change-current" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('change.new')}
          extra={t('change.rule')}
          rules={[{ required: true, message: t('login.passwordRequired') }]}
        >
          <Input.Password autoComplete="new-password" data-testid="change-new" />
        </Form.Item>
        <Form.Item
          name="repeatPassword"
          label={t('change.repeat')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('login.passwordRequired') },
            ({ getFieldValue }) => ({
              validator: (_rule, value: unknown) =>
                !value || getFieldValue('newPassword') === value
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('change.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="change-repeat" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy} data-testid="change-submit">
          {props.submitLabel ?? t('change.submit')}
        </Button>
      </Form>
    </>
  );
}
