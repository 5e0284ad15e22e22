// Every migration, by name, in order. Listed explicitly (not read from the directory at run time)
// so that the build bundles them into the app; a test checks this list against the directory.
import type { Migration } from 'kysely';
import * as schemaV1 from './20261128T1400_schema_v1';
import * as staffWorkspace from './20261128T1900_staff_workspace';
import * as notifications from './20261129T0900_notifications';
import * as integrationAdmin from './20261129T1500_integration_admin';
import * as appClock from './20261203T1400_app_clock';
import * as scaleIndexes from './20261207T1200_scale_indexes';
import * as citizenNameSearch from './20261207T1300_citizen_name_search';
import * as auditActionIndex from './20261207T1400_audit_action_index';
import * as caseloadCoveringIndex from './20261207T1500_caseload_covering_index';
import * as rateLimits from './20261207T1600_rate_limits';
import * as digitalPost from './20261208T0900_digital_post';

export const migrations: Record<string, Migration> = {
	'20261128T1400_schema_v1': schemaV1,
	'20261128T1900_staff_workspace': staffWorkspace,
	'20261129T0900_notifications': notifications,
	'20261129T1500_integration_admin': integrationAdmin,
	'20261203T1400_app_clock': appClock,
	'20261207T1200_scale_indexes': scaleIndexes,
	'20261207T1300_citizen_name_search': citizenNameSearch,
	'20261207T1400_audit_action_index': auditActionIndex,
	'20261207T1500_caseload_covering_index': caseloadCoveringIndex,
	'20261207T1600_rate_limits': rateLimits,
	'20261208T0900_digital_post': digitalPost
};
