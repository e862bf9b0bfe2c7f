import type { Generated } from 'kysely';

/** Complaints from villagers (指尖反腐). Owned by src/portal; rule R15 reads them. */
export interface ComplaintTable {
  id: Generated<number>;
  complaint_no: string;
  received_date: string;
  village_code: string;
  topic: string;
  /** The official the complaint names, when it names one. */
  official_id_number: string | null;
  content: string;
  channel: string;
  status: string;
  created_at: string;
}

export interface PortalTables {
  complaints: ComplaintTable;
}
