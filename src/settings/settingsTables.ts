/**
 * Deployment and per-jurisdiction settings. `jurisdiction_code` is '' for settings of the
 * whole deployment; a setting for a division applies to it and everything below it unless a
 * lower division overrides it. Values are JSON.
 */
export interface SettingTable {
  key: string;
  jurisdiction_code: string;
  value: string;
  updated_at: string;
}

export interface SettingsTables {
  settings: SettingTable;
}
