import type { ClassificationHistoryTable, RecordDelegationTable, RecordRecipientTable } from '../access/access.table.ts'
import type {
  ArrestOpportunityOutcomeTable,
  ArrestOpportunityTable,
  ArrestStrategyTable,
  ArrestStrategyVersionTable,
} from '../arrest/arrest.table.ts'
import type {
  AssetAlertTable,
  AssetClaimTable,
  AssetStepTable,
  AssetTable,
  AssetValuationTable,
  ExchangeRateTable,
} from '../assets/assets.table.ts'
import type { AuditChainHeadTable, AuditCheckpointTable, AuditEventTable } from '../audit/audit.table.ts'
import type { DocumentBlobTable, DocumentTable } from '../documents/documents.table.ts'
import type {
  ApiTokenTable,
  CompartmentTable,
  CredentialEpochTable,
  LoginFailureTable,
  OrganisationTable,
  RecoveryCodeTable,
  SessionTable,
  UserCompartmentTable,
  UserTable,
} from '../identity/identity.table.ts'
import type { RequestMessageTable } from '../messages/messages.table.ts'
import type { AppMetaTable } from '../meta/meta.table.ts'
import type { NotificationPreferenceTable, NotificationTable } from '../notifications/notifications.table.ts'
import type {
  PublicWarrantTable,
  ReferenceSourceTable,
  RequestTypeTable,
  StatuteArticleTable,
} from '../reference/reference.table.ts'
import type {
  DeadlineChangeTable,
  ReferenceCounterTable,
  RequestCountsEpochTable,
  RequestEventTable,
  RequestPersonTable,
  RequestReceiptTable,
  RequestSearchTable,
  RequestTable,
  RequestWarrantTable,
  SavedViewTable,
} from '../requests/requests.table.ts'
import type { CaseTable, PersonTable, SituationTable } from '../situations/situations.table.ts'
import type {
  AgreementTable,
  StateCooperationProfileTable,
  StateFactTable,
  StateTable,
} from '../states/states.table.ts'
import type {
  PersonPhotoTable,
  PersonSoughtDetailsTable,
  WarrantStatusEventTable,
  WarrantTable,
} from '../warrants/warrants.table.ts'

/** Every table of the platform, in one place. */
export interface Database {
  app_meta: AppMetaTable
  reference_sources: ReferenceSourceTable
  states: StateTable
  state_facts: StateFactTable
  agreements: AgreementTable
  state_cooperation_profiles: StateCooperationProfileTable
  statute_articles: StatuteArticleTable
  request_types: RequestTypeTable
  public_warrants: PublicWarrantTable
  audit_events: AuditEventTable
  organisations: OrganisationTable
  compartments: CompartmentTable
  users: UserTable
  user_compartments: UserCompartmentTable
  recovery_codes: RecoveryCodeTable
  sessions: SessionTable
  api_tokens: ApiTokenTable
  credential_epoch: CredentialEpochTable
  login_failures: LoginFailureTable
  record_recipients: RecordRecipientTable
  record_delegations: RecordDelegationTable
  classification_history: ClassificationHistoryTable
  audit_chain_head: AuditChainHeadTable
  audit_checkpoints: AuditCheckpointTable
  situations: SituationTable
  cases: CaseTable
  persons: PersonTable
  reference_counters: ReferenceCounterTable
  requests: RequestTable
  request_persons: RequestPersonTable
  request_warrants: RequestWarrantTable
  request_counts_epochs: RequestCountsEpochTable
  request_events: RequestEventTable
  request_receipts: RequestReceiptTable
  deadline_changes: DeadlineChangeTable
  request_search: RequestSearchTable
  saved_views: SavedViewTable
  request_messages: RequestMessageTable
  notifications: NotificationTable
  notification_preferences: NotificationPreferenceTable
  documents: DocumentTable
  document_blobs: DocumentBlobTable
  assets: AssetTable
  asset_steps: AssetStepTable
  asset_valuations: AssetValuationTable
  asset_claims: AssetClaimTable
  asset_alerts: AssetAlertTable
  exchange_rates: ExchangeRateTable
  warrants: WarrantTable
  warrant_status_events: WarrantStatusEventTable
  person_sought_details: PersonSoughtDetailsTable
  person_photos: PersonPhotoTable
  arrest_strategies: ArrestStrategyTable
  arrest_strategy_versions: ArrestStrategyVersionTable
  arrest_opportunities: ArrestOpportunityTable
  arrest_opportunity_outcomes: ArrestOpportunityOutcomeTable
}
