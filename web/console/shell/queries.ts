import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { api } from '../../components/api';
import type { Division, DivisionsResponse } from '../../../src/api/divisions';

function childrenOf(parent: string, signal: AbortSignal): Promise<Division[]> {
  return api
    .get<DivisionsResponse>(`/api/divisions?parent=${encodeURIComponent(parent)}`, { signal })
    .then((response) => response.divisions);
}

/**
 * The divisions directly below `parent` (a filter's options, a level of the jurisdiction
 * picker). They do not change while the console is open: asked once a session.
 */
export function divisionsQuery(parent: string) {
  return queryOptions({
    queryKey: ['divisions', parent],
    queryFn: ({ signal }) => childrenOf(parent, signal),
    staleTime: Infinity,
  });
}

/**
 * The same list, asked only to name the codes a page shows: a name is a nicety (the code is
 * shown without it), so a failure is not reported, and asked again next time. A list the
 * console already has serves without a request.
 */
export function divisionNamesQuery(client: QueryClient, parent: string) {
  return queryOptions({
    queryKey: ['divisionNames', parent],
    queryFn: ({ signal }) => childrenOf(parent, signal),
    initialData: () => client.getQueryData(divisionsQuery(parent).queryKey),
    staleTime: Infinity,
    gcTime: Infinity,
    meta: { shownByPage: true },
  });
}
