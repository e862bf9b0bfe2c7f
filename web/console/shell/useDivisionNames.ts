import { useQueries, useQueryClient } from '@tanstack/react-query';
import { divisionNamesQuery } from './queries';

/** The division directly above a township's or a village's code (12 digits), or null. */
export function parentDivision(code: string): string | null {
  if (!/^\d{12}$/.test(code)) return null;
  if (code.slice(9) !== '000') return `${code.slice(0, 9)}000`;
  if (code.slice(6) !== '000000') return `${code.slice(0, 6)}000000`;
  return null;
}

/**
 * Names of divisions (townships and villages) for codes the API gives bare, learnt a level
 * at a time from `/api/divisions?parent=` and kept for the session: a county has a few
 * dozen townships, so a list page costs at most one request per township it shows.
 * `nameOf(code)` is the division's name once known, else null.
 */
export function useDivisionNames(codes: readonly (string | null | undefined)[]): {
  nameOf: (code: string | null | undefined) => string | null;
} {
  const client = useQueryClient();
  const parents = [
    ...new Set(
      codes.map((code) => (code ? parentDivision(code) : null)).filter((p): p is string => !!p),
    ),
  ].sort();
  const lists = useQueries({
    queries: parents.map((parent) => divisionNamesQuery(client, parent)),
  });
  const names = new Map<string, string>();
  for (const list of lists) for (const d of list.data ?? []) names.set(d.code, d.name);
  return { nameOf: (code) => (code ? (names.get(code) ?? null) : null) };
}
