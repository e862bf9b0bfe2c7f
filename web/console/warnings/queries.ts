import { queryOptions } from '@tanstack/react-query';
import { api, isMissing } from '../../components/api';
import type {
  PersonNetwork as PersonNetworkResponse,
  WarningList as WarningsResponse,
  WarningResponse,
} from '../../../src/api/warnings';
import { warningsApiUrl, type WarningFilter } from './warnings';

/** Everything about warnings starts with this key: a finished scan makes all of it stale. */
export const warningsKey = ['warnings'] as const;

/** The filter the counts by severity belong to: the same one, any severity, any page. */
function countsOf(filter: WarningFilter): string {
  return warningsApiUrl({ ...filter, severity: null, page: 1 });
}

/**
 * A page of warnings, with the counts by severity of its filter (one request, one entry in
 * the access log). While another severity or page of the same filter loads, the last answer
 * stands in (the page shows its counts, not its rows); for another filter, nothing does.
 */
export function warningsQuery(filter: WarningFilter) {
  return queryOptions({
    queryKey: [...warningsKey, 'list', filter] as const,
    queryFn: ({ signal }) => api.get<WarningsResponse>(warningsApiUrl(filter), { signal }),
    placeholderData: (previous, previousQuery) =>
      previousQuery && countsOf(previousQuery.queryKey[2]) === countsOf(filter)
        ? previous
        : undefined,
  });
}

/** One warning (the server logs the view); its page says itself when it is missing. */
export function warningQuery(id: number) {
  return queryOptions({
    queryKey: [...warningsKey, id],
    queryFn: ({ signal }) => api.get<WarningResponse>(`/api/warnings/${id}`, { signal }),
    meta: { shownByPage: isMissing },
  });
}

/** The relationship network of a warning's subject (logged too); its card shows a failure. */
export function networkQuery(warningId: number) {
  return queryOptions({
    queryKey: [...warningsKey, warningId, 'network'],
    queryFn: ({ signal }) =>
      api.get<PersonNetworkResponse>(`/api/warnings/${warningId}/network`, { signal }),
    meta: { shownByPage: true },
  });
}
