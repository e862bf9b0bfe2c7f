import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { DatasetSummary } from '../../../src/api/datasets';
import { useI18n } from '../../components/i18n';
import { datasetsQuery } from './queries';

export interface Datasets {
  /** The twelve templates, null while loading (empty after a failure, which is shown). */
  list: DatasetSummary[] | null;
  /** A dataset's name in the interface language; the key itself until the list is in. */
  nameOf: (key: string) => string;
  find: (key: string | null | undefined) => DatasetSummary | undefined;
}

/** The list after a failure (one array, so that memos keep). */
const noDatasets: DatasetSummary[] = [];

/** The import templates, asked again when the language changes (the server names them). */
export function useDatasets(): Datasets {
  const { language } = useI18n();
  const query = useQuery(datasetsQuery(language));
  const list = query.data?.datasets ?? (query.isError ? noDatasets : null);

  return useMemo<Datasets>(() => {
    const byKey = new Map((list ?? []).map((d) => [d.key, d]));
    return {
      list,
      nameOf: (key) => byKey.get(key)?.name ?? key,
      find: (key) => (key ? byKey.get(key) : undefined),
    };
  }, [list]);
}
