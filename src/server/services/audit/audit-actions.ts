// Every action the audit log records, in one list: recordAuditEvent accepts only these, and the log's action
// filter takes only these, so a misspelt action fails typecheck instead of writing or finding nothing.
// Zod and constants only (no database), so the audit page can check a filter taken from its URL.
import { z } from "zod";

export const AUDIT_ACTIONS = [
  "organization.created",
  "org.privacy_settings_changed",
  "org.training_settings_changed",
  "org.calendar_settings_changed",
  "practice_refresher.suggested",
  "member.role_changed",
  "invitation.created",
  "invitation.resent",
  "invitation.revoked",
  "invitation.accepted",
  // Panelists without accounts (issue 23): added with a scoring link, link re-issued, revoked, bound to a
  // device (first open or the code), locked after too many wrong codes.
  "lay_panelist.added",
  "lay_link.reissued",
  "lay_link.revoked",
  "lay_link.device_bound",
  "lay_link.locked",
  "bank.created",
  "bank.updated",
  "bank.deleted",
  "bank.imported",
  "question.created",
  "question.updated",
  "question.deleted",
  "question.copied",
  "script.created",
  "script.draft_saved",
  "script.published",
  "script.version_created",
  "script.duplicated",
  "script.archived",
  "script.restored",
  "script.practice_requirement_changed",
  "candidate.created",
  "candidate.updated",
  "candidate.status_changed",
  "candidate.exported",
  "candidate.exported_subject_access",
  "candidate.erased",
  "candidate.imported",
  "candidate.anonymised_by_retention",
  "interview.scheduled",
  "interview.updated",
  "interview.panel_changed",
  "scorecard.submitted",
  "scorecard.amended",
  "vacancy.created",
  "vacancy.updated",
  "vacancy.managers_changed",
  "vacancy.plan_saved",
  "candidate.stage_moved",
  "debrief.opened",
  "debrief.entry_recorded",
  "debrief.commented",
  "debrief.decided",
  "debrief.corrected",
  "practice_answer.created",
  "practice_answer.updated",
  "practice_answer.raters_set",
  "practice_answer.reference_rated",
  "practice_answer.reference_resolved",
  "practice_answer.activated",
  "practice_answer.archived",
  "practice_session.finished",
  // Fairness monitoring (collection): never the answers, only that something happened.
  "monitoring.settings_changed",
  "monitoring.invite_created",
  "monitoring.response_submitted",
  // Fairness monitoring (report): every view and export of the report, with its scope, never its figures.
  "monitoring.report_viewed",
  "monitoring.report_exported",
  // The organisation-wide comparison's streamed CSV (issue 18): its filters and order, never its figures.
  "insights.comparison_exported",
  // REST API keys (never the secret); api_key.write ties a write made through the API to its key (data.apiKeyId).
  "api_key.created",
  "api_key.revoked",
  "api_key.write",
  // Webhooks (issue 22): endpoints and their secrets, test sends and replays, the private-address setting.
  "webhook.endpoint_created",
  "webhook.endpoint_updated",
  "webhook.endpoint_deleted",
  "webhook.secret_rotated",
  "webhook.test_sent",
  "webhook.delivery_replayed",
  "org.webhook_settings_changed",
  // SCIM provisioning (issue 22): tokens and group-to-role mappings by admins; provisioning by the identity
  // provider (no member acts: data.scimTokenId says which token did it).
  "scim.token_created",
  "scim.token_revoked",
  "scim.group_role_set",
  "scim.user_created",
  "scim.user_updated",
  "scim.user_deactivated",
  "scim.user_reactivated",
  "scim.user_deleted",
  "scim.group_created",
  "scim.group_updated",
  "scim.group_deleted",
  // Service-user strand and assisted scoring (issue 23).
  "strands.policy_declared",
  "strands.member_strand_set",
  "scorecard.assistance_set",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const auditActionSchema = z.enum(AUDIT_ACTIONS);

const KNOWN = new Set<string>(AUDIT_ACTIONS);

export function isAuditAction(value: string): value is AuditAction {
  return KNOWN.has(value);
}
