import type { FastifySchemaValidationError } from 'fastify/types/schema.js';
import type { Language } from '../core/errors.js';

const typeNames: Record<string, Record<Language, string>> = {
  string: { zh: '文本', en: 'text' },
  integer: { zh: '整数', en: 'an integer' },
  number: { zh: '数字', en: 'a number' },
  boolean: { zh: '是或否', en: 'true or false' },
  object: { zh: '对象', en: 'an object' },
  array: { zh: '列表', en: 'a list' },
};

function fieldOf(error: FastifySchemaValidationError): string {
  const params = error.params;
  if (typeof params.missingProperty === 'string') return params.missingProperty;
  if (typeof params.additionalProperty === 'string') return params.additionalProperty;
  return error.instancePath.replace(/^\//, '').replace(/\//g, '.') || '(内容)';
}

/** One schema violation in plain words, in both languages. */
export function describeValidationError(
  error: FastifySchemaValidationError,
): Record<Language, string> {
  const field = fieldOf(error);
  const params = error.params;
  const limit =
    typeof params.limit === 'number' || typeof params.limit === 'string'
      ? String(params.limit)
      : '';
  switch (error.keyword) {
    case 'required':
      return { zh: `缺少 ${field}`, en: `${field} is missing` };
    case 'minLength':
      return limit === '1'
        ? { zh: `${field} 不能为空`, en: `${field} may not be empty` }
        : {
            zh: `${field} 至少 ${limit} 个字符`,
            en: `${field} needs at least ${limit} characters`,
          };
    case 'maxLength':
      return {
        zh: `${field} 最多 ${limit} 个字符`,
        en: `${field} has at most ${limit} characters`,
      };
    case 'maxItems':
      return {
        zh: `${field} 最多 ${limit} 项，请分批提交`,
        en: `${field} has at most ${limit} items; send the rest in another request`,
      };
    case 'maxProperties':
      return { zh: `${field} 最多 ${limit} 个字段`, en: `${field} has at most ${limit} fields` };
    case 'minimum':
      return { zh: `${field} 不能小于 ${limit}`, en: `${field} may not be below ${limit}` };
    case 'maximum':
      return { zh: `${field} 不能大于 ${limit}`, en: `${field} may not exceed ${limit}` };
    case 'pattern':
    case 'format':
      return { zh: `${field} 格式不对`, en: `${field} has the wrong format` };
    case 'type': {
      const type = typeof params.type === 'string' ? params.type : 'value';
      const name = typeNames[type] ?? { zh: type, en: type };
      return { zh: `${field} 应为${name.zh}`, en: `${field} must be ${name.en}` };
    }
    case 'additionalProperties':
      return { zh: `不认识的字段 ${field}`, en: `unknown field ${field}` };
    case 'anyOf':
    case 'enum':
    case 'const':
      return {
        zh: `${field} 的取值不在允许范围内`,
        en: `${field} is not one of the allowed values`,
      };
    default:
      return { zh: `${field} 不符合要求`, en: `${field}: ${error.message ?? 'invalid'}` };
  }
}

export function describeValidation(
  errors: FastifySchemaValidationError[],
): Record<Language, string> {
  const parts = errors.map(describeValidationError);
  const unique = (texts: string[]): string[] => [...new Set(texts)].slice(0, 3);
  return {
    zh: unique(parts.map((p) => p.zh)).join('；'),
    en: unique(parts.map((p) => p.en)).join('; '),
  };
}
