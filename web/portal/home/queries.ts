import { queryOptions } from '@tanstack/react-query';
import { api } from '../../components/api';
import type { PortalHomeResponse } from '../../../src/api/portal';

/** The county (or township) the portal serves, and the divisions directly below it. */
export const portalHomeQuery = queryOptions({
  queryKey: ['portal', 'home'],
  queryFn: ({ signal }) => api.get<PortalHomeResponse>('/api/public/home', { signal }),
});
