import type { AuditTables } from '../audit/auditTables.js';
import type { AuthTables } from '../auth/authTables.js';
import type { IngestTables } from '../ingest/ingestTables.js';
import type { JobsTables } from '../jobs/jobsTables.js';
import type { LeadsTables } from '../leads/leadsTables.js';
import type { JurisdictionTables } from '../jurisdiction/jurisdictionTables.js';
import type { PortalTables } from '../portal/portalTables.js';
import type { RulesTables } from '../rules/rulesTables.js';
import type { WarningsTables } from '../warnings/warningsTables.js';
import type { SettingsTables } from '../settings/settingsTables.js';

/** The whole schema, composed of the tables each area owns. */
export interface Database
  extends
    AuditTables,
    AuthTables,
    JurisdictionTables,
    SettingsTables,
    IngestTables,
    RulesTables,
    WarningsTables,
    PortalTables,
    JobsTables,
    LeadsTables {}
