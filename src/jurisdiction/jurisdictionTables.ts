/** The loaded part of the national division table. Owned by src/jurisdiction. */
export interface DivisionTable {
  code: string;
  name: string;
  level: number;
  parent_code: string | null;
}

export interface JurisdictionTables {
  divisions: DivisionTable;
}
