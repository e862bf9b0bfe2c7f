import { queryOptions } from '@tanstack/react-query';
import { api } from '../../components/api';
import type { ScansResponse } from '../../../src/api/scans';
import { scanRunning } from './scans';

/** How often the scans are asked again while one runs. */
const runningRefreshMs = 1500;

/** The scans of the user's jurisdiction, asked again every second and a half while one runs. */
export const scansQuery = queryOptions({
  queryKey: ['scans'],
  queryFn: ({ signal }) => api.get<ScansResponse>('/api/scans', { signal }),
  refetchInterval: (query) => (scanRunning(query.state.data ?? null) ? runningRefreshMs : false),
  // As before, a scan is followed in a hidden tab too: the list is fresh on return.
  refetchIntervalInBackground: true,
});
