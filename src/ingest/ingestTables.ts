import type { Generated } from 'kysely';

/** Tables owned by src/ingest: batches, quarantine, header mappings, exchange credentials, datasets. */

export type BatchStatus =
  | 'importing' // rows are being written; never live
  | 'pending' // waiting for a reviewer other than the uploader
  | 'approved' // live
  | 'rejected' // refused by a reviewer, with a reason
  | 'rolled_back' // was live; an administrator took it back
  | 'failed' // the import stopped (crash, unreadable file); its rows are gone
  | 'no_change' // nothing new: every row was a duplicate
  | 'merged'; // a file of fixed rows whose rows joined the pending batch it fixed

export type BatchChannel = 'file' | 'exchange' | 'fix';

export interface IngestBatchTable {
  id: Generated<number>;
  dataset: string;
  source: string;
  channel: BatchChannel;
  file_name: string | null;
  file_hash: string | null;
  file_bytes: number | null;
  format: string | null;
  encoding: string | null;
  uploader_id: number | null;
  uploader_name: string;
  jurisdiction_code: string;
  created_at: string;
  finished_at: string | null;
  status: BatchStatus;
  rows_read: Generated<number>;
  accepted: Generated<number>;
  quarantined: Generated<number>;
  duplicates: Generated<number>;
  versions: Generated<number>;
  quality: string | null;
  reviewed_by_id: number | null;
  reviewed_by_name: string | null;
  reviewed_at: string | null;
  review_note: string | null;
  override: Generated<number>;
  rolled_back_by_name: string | null;
  rolled_back_at: string | null;
  rollback_note: string | null;
  approved_seq: number | null;
  parent_batch_id: number | null;
  importer: string | null;
  heartbeat_at: string | null;
  error: string | null;
  /** JSON of the saved column names the file was read with (HeaderMappingUse), or null. */
  header_mapping: string | null;
  /** Quarantined rows of this batch that a later fix file brought in. */
  fixed: Generated<number>;
}

export interface IngestQuarantineTable {
  id: Generated<number>;
  batch_id: number;
  row_number: number;
  /** JSON object: header as in the file → value as given. */
  raw: string;
  /** JSON array of QuarantineProblem. */
  problems: string;
  resolved_batch_id: number | null;
}

export interface HeaderMappingTable {
  id: Generated<number>;
  dataset: string;
  source: string;
  /** The jurisdiction whose files it reads (and those below it, unless they have their own). */
  jurisdiction_code: string;
  /** JSON object: header as in the file → template key. */
  mapping: string;
  created_by: string;
  created_at: string;
}

export interface ExchangeCredentialTable {
  id: Generated<number>;
  name: string;
  source: string;
  /** JSON array of dataset keys the credential may push. */
  datasets: string;
  jurisdiction_code: string;
  token_hash: string;
  active: number;
  created_by: string;
  created_at: string;
  last_used_at: string | null;
}

/** Columns every dataset table has (see db/migrationTools.ts createDatasetTable). */
export interface DatasetRowBase {
  row_id: Generated<number>;
  batch_id: number;
  row_number: number;
  nk: string;
  nk_hash: number;
  row_hash: number;
  live: number;
  /** The batch whose approval or rollback last switched this row (not its own batch). */
  live_changed_by: number | null;
  extra: string | null;
  issues: string | null;
}

type Text = string | null;
type Int = number | null;

export interface ResidentRow extends DatasetRowBase {
  id_number: string;
  name: string;
  gender: Text;
  birth_date: Text;
  household_id: string;
  relation_to_head: string;
  village_code: string;
  address: Text;
  phone: Text;
  status: string;
  name_fold: string;
  name_pinyin: string;
}

export interface OfficialRow extends DatasetRowBase {
  id_number: string;
  name: string;
  organisation: string;
  position: Text;
  category: string;
  jurisdiction_code: string;
  start_date: string;
  end_date: Text;
  state_paid: number;
}

export interface RelationRow extends DatasetRowBase {
  official_id_number: string;
  relative_id_number: string;
  relative_name: string;
  relation: string;
  /** Where the person the row is about was registered when it was imported (rowDivision.ts). */
  division_code: Text;
}

export interface ProgramRow extends DatasetRowBase {
  program_code: string;
  name: string;
  department: string;
  standard_monthly_fen: Int;
  means_tested: number;
  min_age: Int;
  requires_disability: number;
  exclusive_with: Text;
}

export interface DisbursementRow extends DatasetRowBase {
  record_id: string;
  program_code: string;
  id_number: string;
  name: string;
  village_code: string;
  household_id: Text;
  household_size: number;
  period: string;
  pay_date: string;
  amount_fen: number;
  bank_account: string;
  account_holder: string;
  account_holder_id_number: Text;
  handler_id_number: Text;
  name_fold: string;
  holder_fold: string;
  holder_pinyin: Text;
}

export interface DeathRow extends DatasetRowBase {
  id_number: string;
  name: string;
  death_date: string;
  source_kind: string;
  /** Where the person the row is about was registered when it was imported (rowDivision.ts). */
  division_code: Text;
}

export interface PayrollRow extends DatasetRowBase {
  id_number: string;
  name: string;
  employer: string;
  period: string;
  amount_fen: number;
  /** Where the person the row is about was registered when it was imported (rowDivision.ts). */
  division_code: Text;
}

export interface VehicleRow extends DatasetRowBase {
  id_number: string;
  name: string;
  plate: string;
  vehicle_type: string;
  registered_date: string;
  cancelled_date: Text;
  /** Where the person the row is about was registered when it was imported (rowDivision.ts). */
  division_code: Text;
}

export interface PropertyRow extends DatasetRowBase {
  id_number: string;
  name: string;
  certificate_no: string;
  location: Text;
  usage: string;
  floor_area: Int;
  registered_date: string;
  /** Where the person the row is about was registered when it was imported (rowDivision.ts). */
  division_code: Text;
}

export interface BusinessRow extends DatasetRowBase {
  credit_code: string;
  business_name: string;
  legal_rep_id_number: Text;
  shareholder_id_numbers: Text;
  registered_capital: Int;
  established_date: string;
  status: string;
  closed_date: Text;
  /** Where the person the row is about was registered when it was imported (rowDivision.ts). */
  division_code: Text;
}

export interface DisabilityRow extends DatasetRowBase {
  id_number: string;
  name: string;
  certificate_no: string;
  disability_type: string;
  disability_level: string;
  issued_date: string;
  valid_until: Text;
  /** Where the person the row is about was registered when it was imported (rowDivision.ts). */
  division_code: Text;
}

export interface ApprovalRow extends DatasetRowBase {
  case_no: string;
  item: string;
  applicant_id_number: string;
  organisation: string;
  handler_id_number: Text;
  received_date: string;
  decided_date: Text;
  time_limit_days: Int;
  result: Text;
  /** Where the person the row is about was registered when it was imported (rowDivision.ts). */
  division_code: Text;
}

export interface BusinessPersonRow {
  batch_id: number;
  row_number: number;
  id_number: string;
  role: 'legal_rep' | 'shareholder';
}

/** A division a batch's rows lie in (villages, an official's area). */
export interface IngestBatchDivisionTable {
  batch_id: number;
  division_code: string;
}

export interface IngestTables {
  ingest_batches: IngestBatchTable;
  ingest_quarantine: IngestQuarantineTable;
  ingest_batch_divisions: IngestBatchDivisionTable;
  header_mappings: HeaderMappingTable;
  exchange_credentials: ExchangeCredentialTable;
  ds_residents: ResidentRow;
  ds_officials: OfficialRow;
  ds_relations: RelationRow;
  ds_programs: ProgramRow;
  ds_disbursements: DisbursementRow;
  ds_deaths: DeathRow;
  ds_payroll: PayrollRow;
  ds_vehicles: VehicleRow;
  ds_properties: PropertyRow;
  ds_businesses: BusinessRow;
  ds_disabilities: DisabilityRow;
  ds_approvals: ApprovalRow;
  ds_business_people: BusinessPersonRow;
}
