import type { AppConfig } from './config.js';
import type { DbHandle } from './db/openDatabase.js';

/** What every command and route works with: the open database and the configuration. */
export interface AppContext {
  handle: DbHandle;
  config: AppConfig;
}
