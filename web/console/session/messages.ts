/** Signing in and changing one's password. */
import type { Texts, Translation } from '../../components/messageTypes';

export const zh = {
  'login.title': '工作人员登录',
  'login.username': '用户名',
  'login.password': '密码',
  'login.usernameRequired': '请输入用户名',
  'login.passwordRequired': '请输入密码',
  'login.submit': '登录',
  'login.notice': '本系统仅供授权工作人员使用，所有操作均记入审计日志。',
  'login.portal': '前往公开门户',

  'change.title': '修改一次性密码',
  'change.titleVoluntary': '修改密码',
  'change.intro': '首次登录或密码被重置后，须先设置您自己的新密码，才能继续使用本系统。',
  'change.current': '当前密码',
  'change.new': '新密码',
  'change.repeat': '再次输入新密码',
  'change.rule': '至少 10 位，须同时包含字母和数字，且不能与当前密码相同。',
  'change.mismatch': '两次输入的新密码不一致',
  'change.submit': '修改密码',
  'change.done': '密码已修改',
  'change.signOut': '退出登录',
} satisfies Texts<'login' | 'change'>;

export const en: Translation<typeof zh> = {
  'login.title': 'Staff sign-in',
  'login.username': 'User name',
  'login.password': 'Password',
  'login.usernameRequired': 'Enter your user name',
  'login.passwordRequired': 'Enter your password',
  'login.submit': 'Sign in',
  'login.notice': 'For authorised staff only. Every action is recorded in the audit trail.',
  'login.portal': 'Go to the public portal',

  'change.title': 'Change your one-time password',
  'change.titleVoluntary': 'Change password',
  'change.intro':
    'After your first sign-in or a password reset, set a password of your own before you continue.',
  'change.current': 'Current password',
  'change.new': 'New password',
  'change.repeat': 'Repeat the new password',
  'change.rule':
    'At least 10 characters, with both letters and digits, and different from the current one.',
  'change.mismatch': 'The two new passwords differ',
  'change.submit': 'Change password',
  'change.done': 'Password changed',
  'change.signOut': 'Sign out',
};
