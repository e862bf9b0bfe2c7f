import { useCallback, useEffect, useState } from 'react';
import { api } from '../../components/api';
import type { DivisionsResponse } from '../../components/apiTypes';

/**
 * Names of divisions (townships and villages) for codes the API gives bare, learnt a level
 * at a time from `/api/divisions?parent=` and kept for the session: a county has a few
 * dozen townships, so a list page costs at most one request per township it shows.
 */
const names = new Map<string, string>();
const asked = new Map<string, Promise<void>>();

/** The division directly above a township's or a village's code (12 digits), or null. */
export function parentDivision(code: string): string | null {
  if (!/^\d{12}$/.test(code)) return null;
  if (code.slice(9) !== '000') return `${code.slice(0, 9)}000`;
  if (code.slice(6) !== '000000') return `${code.slice(0, 6)}000000`;
  return null;
}

function learnChildren(parent: string): Promise<void> {
  let pending = asked.get(parent);
  if (!pending) {
    pending = api
      .get<DivisionsResponse>(`/api/divisions?parent=${encodeURIComponent(parent)}`)
      .then(({ divisions }) => {
        for (const d of divisions) names.set(d.code, d.name);
      })
      .catch(() => {
        // A name is a nicety: without it the code is shown. Ask again next time.
        asked.delete(parent);
      });
    asked.set(parent, pending);
  }
  return pending;
}

/** Remembers names the page already has (the township filter's options). */
export function rememberDivisionNames(list: readonly { code: string; name: string }[]): void {
  for (const d of list) names.set(d.code, d.name);
}

/** `nameOf(code)`: the division's name once known, else null; learns the codes it is given. */
export function useDivisionNames(codes: readonly (string | null | undefined)[]): {
  nameOf: (code: string | null | undefined) => string | null;
} {
  const [, setVersion] = useState(0);
  const key = [...new Set(codes.filter((c): c is string => !!c))].sort().join(',');

  useEffect(() => {
    if (!key) return;
    let live = true;
    const parents = new Set<string>();
    for (const code of key.split(',')) {
      if (names.has(code)) continue;
      const parent = parentDivision(code);
      if (parent) parents.add(parent);
    }
    if (parents.size === 0) return;
    void Promise.all([...parents].map(learnChildren)).then(() => {
      if (live) setVersion((n) => n + 1);
    });
    return () => {
      live = false;
    };
  }, [key]);

  const nameOf = useCallback(
    (code: string | null | undefined) => (code ? (names.get(code) ?? null) : null),
    [],
  );
  return { nameOf };
}
