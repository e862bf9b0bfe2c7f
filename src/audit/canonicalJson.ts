/** Keys whose values never enter the audit trail: secrets are not history. */
const secretKeys = new Set(['password', 'password_hash', 'token', 'secret', 'credential']);

function normalise(value: unknown): unknown {
  if (value === undefined) return null;
  if (Array.isArray(value)) return value.map(normalise);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const inner = (value as Record<string, unknown>)[key];
      if (inner === undefined) continue;
      out[key] = secretKeys.has(key) ? '[secret]' : normalise(inner);
    }
    return out;
  }
  if (typeof value === 'bigint') return value.toString();
  return value;
}

/** JSON with keys in sorted order and secrets blanked, so equal values hash equally. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(normalise(value));
}
