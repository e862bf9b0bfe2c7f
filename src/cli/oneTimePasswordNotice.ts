import type { Output } from './output.js';
import { textBox } from './textBox.js';

/** The boxed notice of the administrator's one-time password, for the end of the output. */
export function oneTimePasswordNotice(
  out: Output,
  username: string,
  password: string,
  file: string,
): string {
  return textBox(
    out.language === 'en'
      ? [
          `Administrator: ${username}`,
          `One-time password: ${password}`,
          'Sign in at /console/ and set your own password.',
          `Until then it is also in ${file} (readable by you only).`,
        ]
      : [
          `管理员账号：${username}`,
          `一次性密码：${password}`,
          '请在 /console/ 登录，并按提示设置自己的密码。',
          `设置之前，此密码也保存在 ${file}（仅本机当前用户可读）。`,
        ],
  );
}
