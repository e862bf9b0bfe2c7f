import { infiniteQueryOptions, keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, isApiError, isMissing } from '../../components/api';
import type { BatchResponse, BatchesResponse, QuarantineResponse } from '../../../src/api/batches';
import type { DatasetsResponse } from '../../../src/api/datasets';
import type { ImportJob, ImportJobResponse } from '../../../src/api/imports';
import type { Language } from '../../components/i18n';
import { isSessionError } from '../session/session';
import { batchPageSize, batchesUrl, quarantineUrl } from './collection';

/** How often the import page asks how an import is doing. */
export const importPollMs = 500;
/** Consecutive failed progress requests (a network blip) tolerated before giving up. */
const importPollRetries = 5;
/** How often a batch still importing is asked again. */
export const importingRefreshMs = 3000;
/** Quarantined rows a page of the table shows. */
export const quarantinePageSize = 20;

/** Everything about batches starts with this key: a review makes all of it stale. */
export const batchesKey = ['batches'] as const;

/** The import templates, in the interface language (the server names them). */
export function datasetsQuery(language: Language) {
  return queryOptions({
    queryKey: ['datasets', language],
    queryFn: ({ signal }) => api.get<DatasetsResponse>('/api/datasets', { signal }),
    // The names in the other language stay shown while this one's come.
    placeholderData: keepPreviousData,
  });
}

/** The batches, newest first, fifty a page: `fetchNextPage` adds the next fifty. */
export function batchesQuery(filter: { dataset: string | null; status: string | null }) {
  return infiniteQueryOptions({
    queryKey: [...batchesKey, 'list', filter],
    queryFn: ({ signal, pageParam }) =>
      api.get<BatchesResponse>(batchesUrl({ ...filter, before: pageParam }), { signal }),
    initialPageParam: null as number | null,
    getNextPageParam: (last) =>
      last.batches.length === batchPageSize ? (last.batches.at(-1)?.id ?? null) : null,
  });
}

/**
 * One batch (its page says itself when it is missing), asked again every three seconds
 * while it is still importing.
 */
export function batchQuery(id: number) {
  return queryOptions({
    queryKey: [...batchesKey, id],
    queryFn: ({ signal }) => api.get<BatchResponse>(`/api/batches/${id}`, { signal }),
    refetchInterval: (query) =>
      query.state.data?.batch.status === 'importing' ? importingRefreshMs : false,
    refetchIntervalInBackground: true,
    meta: { shownByPage: isMissing },
  });
}

/**
 * A page of a batch's quarantined rows. The reasons come in the interface language, and the
 * rows change while the batch imports and when it is reviewed: both are in the key.
 */
export function quarantineQuery(
  batch: { id: number; status: string },
  page: { page: number; all: boolean; language: Language },
) {
  return queryOptions({
    queryKey: [...batchesKey, batch.id, 'quarantine', batch.status, page],
    queryFn: ({ signal }) =>
      api.get<QuarantineResponse>(
        quarantineUrl(batch.id, {
          limit: quarantinePageSize,
          offset: (page.page - 1) * quarantinePageSize,
          all: page.all,
        }),
        { signal },
      ),
    refetchInterval: batch.status === 'importing' ? importingRefreshMs : false,
    refetchIntervalInBackground: true,
  });
}

/** An import still to follow: waiting its turn or reading rows. */
export function importActive(job: ImportJob | undefined): boolean {
  return job?.state === 'running' || job?.state === 'queued';
}

/**
 * An import under way, asked again twice a second until it is done or failed. A network
 * blip is tolerated a few times over; the page shows what is left of a failure.
 */
export function importJobQuery(id: string | null) {
  return queryOptions({
    queryKey: ['imports', id],
    queryFn: ({ signal }) => api.get<ImportJobResponse>(`/api/imports/${id ?? ''}`, { signal }),
    enabled: id !== null,
    // The upload's answer is the first state; the next one is asked after the interval.
    staleTime: Infinity,
    refetchInterval: (query) => (importActive(query.state.data?.job) ? importPollMs : false),
    retry: (failureCount, error) =>
      failureCount < importPollRetries &&
      isApiError(error) &&
      ['NETWORK', 'BAD_RESPONSE'].includes(error.code),
    retryDelay: importPollMs,
    // As before, an import is followed in a hidden tab too: its result is there on return.
    refetchIntervalInBackground: true,
    // Only an ended session goes back to sign-in; the page shows any other failure.
    meta: { shownByPage: (error) => !isSessionError(error) },
  });
}
