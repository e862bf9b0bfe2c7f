import { parseArgs } from 'node:util';
import { builtInAdministrator } from '../auth/createAdministrator.js';
import { createUser } from '../auth/createUser.js';
import { oneTimePasswordPath } from '../auth/oneTimePasswordFile.js';
import { resetPassword } from '../auth/resetPassword.js';
import { listUsers, normaliseUsername } from '../auth/usersRepository.js';
import { JianduError } from '../core/errors.js';
import { isRole, roleNames, roles } from '../api/roles.js';
import { commonOptions, parseCommandArgs } from './args.js';
import { openContext, resolveActor } from './openContext.js';
import { oneTimePasswordNotice } from './oneTimePasswordNotice.js';
import type { Output } from './output.js';

export const userHelp = {
  zh: `jiandu user list
jiandu user add 用户名 --role 角色 --region 区划代码 [--name 姓名]
jiandu user reset-password 用户名
  管理用户。角色：${roles.join(', ')}。新用户和重置后的一次性密码只显示一次，首次登录须修改。`,
  en: `jiandu user list
jiandu user add USERNAME --role ROLE --region CODE [--name NAME]
jiandu user reset-password USERNAME
  Manages users. Roles: ${roles.join(', ')}. One-time passwords are shown once and must be changed at first sign-in.`,
};

export async function userCommand(args: string[], out: Output): Promise<number> {
  const { values, positionals } = parseCommandArgs(() =>
    parseArgs({
      args,
      options: {
        ...commonOptions,
        role: { type: 'string' },
        region: { type: 'string' },
        name: { type: 'string' },
      },
      allowPositionals: true,
      strict: true,
    }),
  );
  const [action, username] = positionals;
  if (action !== 'list' && action !== 'add' && action !== 'reset-password') {
    throw new JianduError('INVALID_ARGUMENT', {
      detail: 'usage: jiandu user list | add | reset-password',
    });
  }
  if (action !== 'list' && !username) {
    throw new JianduError('INVALID_ARGUMENT', {
      detail: `jiandu user ${action} needs a user name`,
    });
  }
  const ctx = await openContext(values.db);
  try {
    const { actor, scope } = await resolveActor(ctx, values.as);
    if (action === 'list') {
      for (const user of await listUsers(ctx.handle.db, scope)) {
        const role = roleNames[user.role][out.language];
        out.say(
          `${user.username}\t${user.displayName}\t${role}\t${user.jurisdictionCode}${user.active ? '' : '\t(停用)'}`,
        );
      }
      return 0;
    }
    if (action === 'add') {
      if (!values.role || !isRole(values.role)) {
        throw new JianduError('INVALID_ARGUMENT', { detail: `--role: one of ${roles.join(', ')}` });
      }
      if (!values.region)
        throw new JianduError('INVALID_ARGUMENT', { detail: '--region CODE is required' });
      const { user, oneTimePassword } = await createUser(ctx, actor, scope, {
        username: username!,
        displayName: values.name ?? username!,
        role: values.role,
        jurisdictionCode: values.region,
      });
      out.say(
        out.t(
          `已创建用户 ${user.username}（${roleNames[user.role].zh}，${user.jurisdictionCode}），一次性密码：${oneTimePassword}`,
          `Created ${user.username} (${roleNames[user.role].en}, ${user.jurisdictionCode}); one-time password: ${oneTimePassword}`,
        ),
      );
      return 0;
    }
    const password = await resetPassword(ctx, actor, scope, username!);
    if (normaliseUsername(username!) === builtInAdministrator) {
      out.say(oneTimePasswordNotice(out, builtInAdministrator, password, oneTimePasswordPath(ctx)));
      return 0;
    }
    out.say(
      out.t(
        `${username!} 的新一次性密码：${password}`,
        `New one-time password of ${username!}: ${password}`,
      ),
    );
    return 0;
  } finally {
    await ctx.handle.close();
  }
}
