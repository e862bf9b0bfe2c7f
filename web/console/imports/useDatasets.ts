import { useEffect, useMemo, useState } from 'react';
import { api } from '../../components/api';
import type { DatasetSummary, DatasetsResponse } from '../../components/apiTypes';
import { useI18n } from '../../components/i18n';
import { useApiErrorHandler } from '../session/session';

export interface Datasets {
  /** The twelve templates, null while loading (empty after a failure, which is shown). */
  list: DatasetSummary[] | null;
  /** A dataset's name in the interface language; the key itself until the list is in. */
  nameOf: (key: string) => string;
  find: (key: string | null | undefined) => DatasetSummary | undefined;
}

/** The import templates, asked again when the language changes (the server names them). */
export function useDatasets(): Datasets {
  const { language } = useI18n();
  const handleError = useApiErrorHandler();
  const [list, setList] = useState<DatasetSummary[] | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    api.get<DatasetsResponse>('/api/datasets', { signal: controller.signal }).then(
      (response) => setList(response.datasets),
      (error: unknown) => {
        handleError(error);
        if (!controller.signal.aborted) setList((previous) => previous ?? []);
      },
    );
    return () => controller.abort();
  }, [language, handleError]);

  return useMemo<Datasets>(() => {
    const byKey = new Map((list ?? []).map((d) => [d.key, d]));
    return {
      list,
      nameOf: (key) => byKey.get(key)?.name ?? key,
      find: (key) => (key ? byKey.get(key) : undefined),
    };
  }, [list]);
}
