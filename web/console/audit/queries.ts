import { infiniteQueryOptions } from '@tanstack/react-query';
import { api } from '../../components/api';
import type { AuditResponse } from '../../../src/api/audit';

/** Entries a page of the audit trail holds. */
export const auditPageSize = 100;

/** The audit trail, newest first, a hundred at a time: `fetchNextPage` adds the next ones. */
export const auditQuery = infiniteQueryOptions({
  queryKey: ['audit'],
  queryFn: ({ signal, pageParam }) =>
    api.get<AuditResponse>(
      `/api/audit?limit=${auditPageSize}${pageParam === null ? '' : `&before=${pageParam}`}`,
      { signal },
    ),
  initialPageParam: null as number | null,
  getNextPageParam: (last) =>
    last.entries.length === auditPageSize ? (last.entries.at(-1)?.seq ?? null) : null,
});
