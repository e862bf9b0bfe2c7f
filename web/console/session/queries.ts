import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { api, isApiError } from '../../components/api';
import type { MeResponse } from '../../../src/api/me';

/** Who is signed in: null when nobody is (the server answers 401). */
export const meQuery = queryOptions({
  queryKey: ['me'],
  queryFn: async ({ signal }): Promise<MeResponse | null> => {
    try {
      return await api.get<MeResponse>('/api/me', { signal });
    } catch (error) {
      if (isApiError(error) && error.status === 401) return null;
      throw error;
    }
  },
  // Asked again only when the session changes (session.reload).
  staleTime: Infinity,
  // The console shows its own screen for this one.
  meta: { shownByPage: true },
});

/** Back to the sign-in page: nothing the last user was shown stays in the caches. */
export function forgetSession(client: QueryClient): void {
  client.setQueryData(meQuery.queryKey, null);
  client.removeQueries({ predicate: (query) => query.queryKey[0] !== meQuery.queryKey[0] });
  client.getMutationCache().clear();
}
