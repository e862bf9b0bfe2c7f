import { queryOptions } from '@tanstack/react-query';
import { api } from '../../components/api';
import type { UsersResponse } from '../../../src/api/users';

/** The users of the administrator's jurisdiction; a new user or a reset makes it stale. */
export const usersQuery = queryOptions({
  queryKey: ['users'],
  queryFn: ({ signal }) => api.get<UsersResponse>('/api/users', { signal }),
});
