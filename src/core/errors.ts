import { redactText } from './redact.js';

/**
 * Every error Jiandu reports carries one of these codes. Each code has a plain-Chinese
 * message for clerks, an English one for operators, an HTTP status and a CLI exit code;
 * the transports (server/errorHandler.ts, cli/main.ts) map codes in one place each.
 */
export const errorCatalogue = {
  INVALID_ARGUMENT: {
    http: 400,
    exit: 1,
    zh: '参数错误：{detail}',
    en: 'Invalid argument: {detail}',
  },
  /** A command line that does not parse: the command's usage is printed after it. */
  USAGE: {
    http: 400,
    exit: 1,
    zh: '参数错误：{detail}',
    en: 'Invalid argument: {detail}',
  },
  INVALID_REQUEST: {
    http: 400,
    exit: 1,
    zh: '提交的内容有误：{detail}',
    en: 'Invalid request: {detail}',
  },
  UNKNOWN_COMMAND: {
    http: 400,
    exit: 1,
    zh: '未知命令：{command}。运行 jiandu help 查看可用命令',
    en: 'Unknown command: {command}. Run "jiandu help" for the list of commands',
  },
  UNKNOWN_REGION: {
    http: 400,
    exit: 1,
    zh: '区划代码 {code} 不在全国统计用区划代码表中',
    en: 'Region code {code} is not in the national division table',
  },
  DB_UNREACHABLE: {
    http: 503,
    exit: 1,
    zh: '无法连接数据库 {target}：{detail}',
    en: 'Cannot reach the database {target}: {detail}',
  },
  DB_CORRUPT: {
    http: 500,
    exit: 1,
    zh: '数据库文件 {target} 已损坏或不是 Jiandu 数据库，请从备份恢复',
    en: 'The database file {target} is corrupt or not a database; restore it from a backup',
  },
  DB_LOCKED: {
    http: 503,
    exit: 1,
    zh: '数据库文件 {target} 正被其他程序锁定，请稍后再试',
    en: 'The database file {target} is locked by another process; try again later',
  },
  DB_NOT_INITIALISED: {
    http: 503,
    exit: 1,
    zh: '数据库尚未初始化，请先运行 jiandu init',
    en: 'The database is not initialised; run "jiandu init" first',
  },
  DB_NEWER_SCHEMA: {
    http: 500,
    exit: 1,
    zh: '数据库版本比本程序新（迁移 {migration}），请升级 Jiandu',
    en: 'The database has a newer schema than this program (migration {migration}); upgrade Jiandu',
  },
  // One answer for every refused sign-in (wrong password, unknown user, backing off): no
  // caller learns which user names exist or which accounts are under attack.
  LOGIN_FAILED: {
    http: 401,
    exit: 1,
    zh: '用户名或密码错误；如已连续输错多次，请等几分钟再试',
    en: 'Wrong user name or password; after repeated failures, wait a few minutes and try again',
  },
  UNAUTHENTICATED: { http: 401, exit: 1, zh: '请先登录', en: 'Please sign in' },
  PASSWORD_CHANGE_REQUIRED: {
    http: 403,
    exit: 1,
    zh: '首次登录请先修改一次性密码',
    en: 'Change the one-time password before continuing',
  },
  WEAK_PASSWORD: {
    http: 400,
    exit: 1,
    zh: '新密码至少 {min} 位，且须同时包含字母和数字',
    en: 'The new password needs at least {min} characters with letters and digits',
  },
  FORBIDDEN: {
    http: 403,
    exit: 1,
    zh: '您的角色无权进行此操作',
    en: 'Your role is not allowed to do this',
  },
  NOT_FOUND: { http: 404, exit: 1, zh: '找不到 {what}', en: 'Not found: {what}' },
  USER_NOT_FOUND: { http: 404, exit: 1, zh: '找不到用户 {user}', en: 'No such user: {user}' },
  USERNAME_TAKEN: {
    http: 409,
    exit: 1,
    zh: '用户名 {username} 已被使用，请换一个',
    en: 'The user name {username} is taken',
  },
  SAME_PASSWORD: {
    http: 400,
    exit: 1,
    zh: '新密码不能与原密码相同',
    en: 'The new password must differ from the old one',
  },
  INVALID_USERNAME: {
    http: 400,
    exit: 1,
    zh: '用户名须为 2 至 32 位字母、数字、点、横线或下划线',
    en: 'A user name is 2 to 32 letters, digits, dots, dashes or underscores',
  },
  OUT_OF_JURISDICTION: {
    http: 403,
    exit: 1,
    zh: '区划 {code} 不在您的管辖范围内',
    en: 'Region {code} is outside your jurisdiction',
  },
  RATE_LIMITED: {
    http: 429,
    exit: 1,
    zh: '操作过于频繁，请稍后再试',
    en: 'Too many requests; try again later',
  },
  AUDIT_BROKEN: {
    http: 500,
    exit: 3,
    zh: '审计链在第 {seq} 条记录处断裂：{detail}',
    en: 'The audit trail is broken at entry {seq}: {detail}',
  },
  PORT_IN_USE: {
    http: 500,
    exit: 1,
    zh: '端口 {port} 已被占用，请用 --port 指定其他端口',
    en: 'Port {port} is already in use; choose another with --port',
  },
  FILE_EMPTY: { http: 400, exit: 1, zh: '文件 {path} 是空的', en: 'The file {path} is empty' },
  FILE_UNREADABLE: {
    http: 400,
    exit: 1,
    zh: '无法读取文件 {path}：{detail}',
    en: 'Cannot read the file {path}: {detail}',
  },
  UNKNOWN_DATASET: {
    http: 400,
    exit: 1,
    zh: '未知的数据集 {dataset}（可用：{known}）',
    en: 'Unknown dataset {dataset} (known: {known})',
  },
  HEADER_NOT_FOUND: {
    http: 400,
    exit: 1,
    zh: '文件 {file} 的前 {rows} 行里找不到“{dataset}”模板的表头，应包含：{expected}',
    en: 'No header of the {dataset} template in the first {rows} rows of {file}; expected: {expected}',
  },
  HEADER_INCOMPLETE: {
    http: 400,
    exit: 1,
    zh: '文件 {file} 缺少必填列：{missing}',
    en: 'The file {file} lacks required columns: {missing}',
  },
  BATCH_NOT_FOUND: { http: 404, exit: 1, zh: '找不到批次 {batch}', en: 'No such batch: {batch}' },
  BATCH_STATE: {
    http: 409,
    exit: 1,
    zh: '批次 {batch} 当前状态为“{status}”，不能{action}',
    en: 'Batch {batch} is {status}; it cannot be {action}',
  },
  REVIEW_SELF: {
    http: 403,
    exit: 1,
    zh: '不能审核自己导入的批次，请由另一位审核员审核',
    en: 'You cannot review a batch you imported; another reviewer must',
  },
  QUALITY_BELOW_THRESHOLD: {
    http: 409,
    exit: 1,
    zh: '批次 {batch} 的有效率为 {score} 分，低于 {threshold} 分的要求；确需通过请选择“强制通过”并说明理由',
    en: 'Batch {batch} has validity {score}, below {threshold}; approving needs an explicit override with a reason',
  },
  REASON_REQUIRED: { http: 400, exit: 1, zh: '请填写理由', en: 'A reason is required' },
  EXCHANGE_UNAUTHORISED: {
    http: 401,
    exit: 1,
    zh: '数据交换凭证无效或已停用',
    en: 'The exchange credential is missing, invalid or revoked',
  },
  EXCHANGE_FORBIDDEN: {
    http: 403,
    exit: 1,
    zh: '该凭证无权报送“{dataset}”数据',
    en: 'This credential may not push {dataset}',
  },
  DATASET_COUNTY_LEVEL: {
    http: 403,
    exit: 1,
    zh: '“{dataset}”没有所属村（社区），只能由县级及以上用户导入或报送',
    en: '{dataset} belongs to no village; only users at county level or above may load it',
  },
  SCAN_RUNNING: {
    http: 409,
    exit: 1,
    zh: '本辖区正在进行比对（第 {scan} 次），请等它结束',
    en: 'A scan of this jurisdiction is running (scan {scan}); wait for it to finish',
  },
  RULE_INVALID: {
    http: 400,
    exit: 1,
    zh: '规则定义有误：{detail}',
    en: 'Invalid rule definition: {detail}',
  },
  FILE_NOT_FOUND: { http: 400, exit: 1, zh: '找不到文件 {path}', en: 'File not found: {path}' },
  PAYLOAD_TOO_LARGE: {
    http: 413,
    exit: 1,
    zh: '提交的内容太大：{detail}',
    en: 'The request is too large: {detail}',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    http: 415,
    exit: 1,
    zh: '此接口只接受 {expected} 格式的内容，收到的是 {received}',
    en: 'This endpoint takes {expected} only; it received {received}',
  },
  CROSS_SITE_REQUEST: {
    http: 403,
    exit: 1,
    zh: '拒绝了来自其他网站的请求，请直接在本系统的页面上操作',
    en: 'A request from another site was refused; use this system’s own pages (behind a reverse proxy: pass the Host header on, or set JIANDU_TRUST_PROXY=true and send X-Forwarded-Host and X-Forwarded-Proto)',
  },
  EXCHANGE_UNKNOWN_KEYS: {
    http: 400,
    exit: 1,
    zh: '记录中不属于“{dataset}”模板的字段超过 {max} 个（如 {sample}），请检查字段名；模板字段见 GET /api/datasets',
    en: 'The records carry more than {max} fields that are not in the {dataset} template (e.g. {sample}); check the field names (GET /api/datasets lists the template)',
  },
  FILE_TOO_LARGE: {
    http: 413,
    exit: 1,
    zh: '文件 {path} 过大：{detail}',
    en: 'The file {path} is too large: {detail}',
  },
  DISK_FULL: {
    http: 507,
    exit: 1,
    zh: '服务器磁盘已满，数据没有保存；请联系管理员清理磁盘后再试',
    en: 'The server’s disk is full and nothing was saved; free some space, then try again',
  },
  IMPORTS_BUSY: {
    http: 503,
    exit: 1,
    zh: '正在导入和排队的文件已有 {count} 个，系统繁忙，请过几分钟再上传',
    en: '{count} files are already being imported or waiting; try again in a few minutes',
  },
  IMPORTS_PER_USER: {
    http: 429,
    exit: 1,
    zh: '您已有 {count} 个文件正在导入或排队，请等其中一个完成后再上传',
    en: 'You already have {count} files being imported or waiting; wait for one to finish',
  },
  LEAD_STATE: {
    http: 409,
    exit: 1,
    zh: '线索 {lead} 当前为“{state}”，不能“{action}”',
    en: 'Lead {lead} is “{state}”; it cannot be given “{action}”',
  },
  LEAD_CHANGED: {
    http: 409,
    exit: 1,
    zh: '线索 {lead} 刚被其他人修改过，请刷新后再操作',
    en: 'Someone else changed lead {lead} just now; reload it and try again',
  },
  LEAD_NOT_YOURS: {
    http: 403,
    exit: 1,
    zh: '线索 {lead} 不由您所在的单位承办，或不在您的辖区内，不能“{action}”',
    en: 'Lead {lead} is not handled by your office or lies outside your jurisdiction; you cannot “{action}” it',
  },
  LEAD_SOURCE_TAKEN: {
    http: 409,
    exit: 1,
    zh: '{source} 已在线索 {lead} 中办理，不能再立一条线索',
    en: '{source} is already part of lead {lead}; it cannot start another',
  },
  LEAD_SUBJECTS_DIFFER: {
    http: 400,
    exit: 1,
    zh: '只有同一对象的预警才能合并为一条线索',
    en: 'Only warnings about the same subject can be merged into one lead',
  },
  LEAD_OUTCOME_REQUIRED: {
    http: 409,
    exit: 1,
    zh: '线索 {lead} 还没有办理结果，不能“{action}”',
    en: 'Lead {lead} has no outcome yet; it cannot be given “{action}”',
  },
  LEAD_CONFLICT_OF_INTEREST: {
    http: 409,
    exit: 1,
    zh: '线索 {lead} 涉及的人员与{target}有利害关系，须回避，请交由其他单位或人员办理',
    en: 'The people lead {lead} names are connected to {target}; choose another office or handler',
  },
  LEAD_NO_OFFICE: {
    http: 409,
    exit: 1,
    zh: '辖区 {code} 没有可承办“{kind}”事项的单位，请先登记单位',
    en: 'No office in {code} can take “{kind}” matters; register one first',
  },
  INTERNAL: {
    http: 500,
    exit: 1,
    zh: '系统内部错误（编号 {ref}），请联系管理员',
    en: 'Internal error (reference {ref}); contact the administrator',
  },
} as const satisfies Record<string, { http: number; exit: number; zh: string; en: string }>;

export type ErrorCode = keyof typeof errorCatalogue;
export type Language = 'zh' | 'en';
/** A parameter is a value, or a phrase in both languages. */
export type ErrorParam = string | number | Readonly<Record<Language, string>>;
export type ErrorParams = Readonly<Record<string, ErrorParam>>;

function fill(template: string, params: ErrorParams, language: Language): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = params[key];
    if (value === undefined) return whole;
    return redactText(typeof value === 'object' ? value[language] : String(value));
  });
}

export class JianduError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;

  constructor(code: ErrorCode, params: ErrorParams = {}, options?: { cause?: unknown }) {
    super(fill(errorCatalogue[code].en, params, 'en'), options);
    this.name = 'JianduError';
    this.code = code;
    this.params = params;
  }

  /** The message in the user's language; identity numbers and accounts are always masked. */
  text(language: Language): string {
    return fill(errorCatalogue[this.code][language], this.params, language);
  }

  get httpStatus(): number {
    return errorCatalogue[this.code].http;
  }

  get exitCode(): number {
    return errorCatalogue[this.code].exit;
  }
}

export function isJianduError(error: unknown): error is JianduError {
  return error instanceof JianduError;
}
