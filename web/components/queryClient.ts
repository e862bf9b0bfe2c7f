import { CancelledError, QueryClient, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { isApiError } from './api';

/** What a query may say about itself (`meta`), read by useReportQueryErrors. */
export interface QueryMeta extends Record<string, unknown> {
  /**
   * The page shows this query's failures itself (true), or those the function picks (a
   * missing batch, say); the others are reported as usual.
   */
  shownByPage?: boolean | ((error: unknown) => boolean);
}

declare module '@tanstack/react-query' {
  interface Register {
    queryMeta: QueryMeta;
  }
}

/** Attempts after the first before a request's failure is shown. */
const retries = 2;

/**
 * Only failures that may pass are asked again: no answer (a network blip) or a server error.
 * A 4xx answer (no session, no right, not found, a refusal) stays what it is.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  return failureCount < retries && isApiError(error) && (error.status === 0 || error.status >= 500);
}

/** The query client of an app (the console and the portal each make one). */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        // Every request is one the user made happen: the server logs views of personal data,
        // so a page is not asked again because the window got focus or the network came back.
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
      },
      // A write is never repeated on its own.
      mutations: { retry: false },
    },
  });
}

/**
 * Calls `report` once for each query that fails for good (after its retries), unless the
 * query's page shows that failure itself (`meta.shownByPage`).
 */
export function useReportQueryErrors(report: (error: unknown) => void): void {
  const client = useQueryClient();
  useEffect(
    () =>
      client.getQueryCache().subscribe((event) => {
        if (event.type !== 'updated' || event.action.type !== 'error') return;
        const error: unknown = event.action.error;
        if (error instanceof CancelledError) return;
        const shown = event.query.meta?.shownByPage;
        if (shown === true || (typeof shown === 'function' && shown(error))) return;
        report(error);
      }),
    [client, report],
  );
}
