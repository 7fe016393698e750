-- Every trigger in the public schema, by table, as the migrations last created them. All but the audit
-- log's and the scorecard's vacancy fill are statement-level: one grouped pass however many rows a
-- statement writes.

-- AuditEvent (prisma/migrations/20261123121940_init): the audit log is append-only for the application.
CREATE TRIGGER "audit_event_no_update_or_delete"
  BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "audit_event_append_only"();

CREATE TRIGGER "audit_event_no_truncate"
  BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_append_only"();

-- Rating (prisma/migrations/20261123144758_insight_tallies): a submitted scorecard's tallies and its
-- candidate's insight follow its ratings.
CREATE TRIGGER "rating_tallies_after_insert" AFTER INSERT ON "Rating"
  REFERENCING NEW TABLE AS changed_ratings FOR EACH STATEMENT EXECUTE FUNCTION "rating_tallies_trigger"();
CREATE TRIGGER "rating_tallies_after_update" AFTER UPDATE ON "Rating"
  REFERENCING NEW TABLE AS changed_ratings FOR EACH STATEMENT EXECUTE FUNCTION "rating_tallies_trigger"();
CREATE TRIGGER "rating_tallies_after_delete" AFTER DELETE ON "Rating"
  REFERENCING OLD TABLE AS changed_ratings FOR EACH STATEMENT EXECUTE FUNCTION "rating_tallies_trigger"();

-- Scorecard (prisma/migrations/20261123144758_insight_tallies, 20261123151206_candidate_insights):
-- submitting, a changed recommendation, a move, a scorecard written as submitted or deleted.
CREATE TRIGGER "scorecard_tallies_after_update" AFTER UPDATE ON "Scorecard"
  REFERENCING OLD TABLE AS old_cards NEW TABLE AS new_cards FOR EACH STATEMENT EXECUTE FUNCTION "scorecard_tallies_trigger"();

CREATE TRIGGER "scorecard_insights_after_insert" AFTER INSERT ON "Scorecard"
  REFERENCING NEW TABLE AS new_cards FOR EACH STATEMENT EXECUTE FUNCTION "scorecard_insights_insert_trigger"();

CREATE TRIGGER "scorecard_insights_after_delete" AFTER DELETE ON "Scorecard"
  REFERENCING OLD TABLE AS old_cards FOR EACH STATEMENT EXECUTE FUNCTION "scorecard_insights_delete_trigger"();

-- Interview (prisma/migrations/20261123151206_candidate_insights): moved to another candidate, rescheduled,
-- another script version, or deleted.
CREATE TRIGGER "interview_insights_after_update" AFTER UPDATE ON "Interview"
  REFERENCING OLD TABLE AS old_interviews NEW TABLE AS new_interviews FOR EACH STATEMENT EXECUTE FUNCTION "interview_insights_update_trigger"();

CREATE TRIGGER "interview_insights_after_delete" AFTER DELETE ON "Interview"
  REFERENCING OLD TABLE AS old_interviews FOR EACH STATEMENT EXECUTE FUNCTION "interview_insights_delete_trigger"();

-- ScorecardCompetencyTally, Scorecard, Interview (prisma/migrations/20261205180000_stage_tallies):
-- StageTally, the debrief ranking's sums per candidate, stage and competency, follows the tallies,
-- a submitted scorecard deleted or moved, and an interview moved, cancelled or deleted.
CREATE TRIGGER "stage_tallies_after_tally_insert" AFTER INSERT ON "ScorecardCompetencyTally"
  REFERENCING NEW TABLE AS changed_tallies FOR EACH STATEMENT EXECUTE FUNCTION "stage_tallies_tally_trigger"();
CREATE TRIGGER "stage_tallies_after_tally_update" AFTER UPDATE ON "ScorecardCompetencyTally"
  REFERENCING NEW TABLE AS changed_tallies FOR EACH STATEMENT EXECUTE FUNCTION "stage_tallies_tally_trigger"();
CREATE TRIGGER "stage_tallies_after_tally_delete" AFTER DELETE ON "ScorecardCompetencyTally"
  REFERENCING OLD TABLE AS changed_tallies FOR EACH STATEMENT EXECUTE FUNCTION "stage_tallies_tally_trigger"();

CREATE TRIGGER "stage_tallies_after_scorecard_update" AFTER UPDATE ON "Scorecard"
  REFERENCING OLD TABLE AS old_cards NEW TABLE AS new_cards FOR EACH STATEMENT EXECUTE FUNCTION "stage_tallies_scorecard_trigger"();
CREATE TRIGGER "stage_tallies_after_scorecard_delete" AFTER DELETE ON "Scorecard"
  REFERENCING OLD TABLE AS old_cards FOR EACH STATEMENT EXECUTE FUNCTION "stage_tallies_scorecard_trigger"();

CREATE TRIGGER "stage_tallies_after_interview_update" AFTER UPDATE ON "Interview"
  REFERENCING OLD TABLE AS old_interviews NEW TABLE AS new_interviews FOR EACH STATEMENT EXECUTE FUNCTION "stage_tallies_interview_trigger"();
CREATE TRIGGER "stage_tallies_after_interview_delete" AFTER DELETE ON "Interview"
  REFERENCING OLD TABLE AS old_interviews FOR EACH STATEMENT EXECUTE FUNCTION "stage_tallies_interview_trigger"();

-- Rating, Scorecard, Interview (prisma/migrations/20261205210000_calibration_aggregates): calibration's units,
-- leniency scores, submissions and organisation totals follow submitted ratings, submitting, moves,
-- reschedules and deletions.
CREATE TRIGGER "calibration_after_rating_insert" AFTER INSERT ON "Rating"
  REFERENCING NEW TABLE AS changed_ratings FOR EACH STATEMENT EXECUTE FUNCTION "calibration_rating_trigger"();
CREATE TRIGGER "calibration_after_rating_update" AFTER UPDATE ON "Rating"
  REFERENCING NEW TABLE AS changed_ratings FOR EACH STATEMENT EXECUTE FUNCTION "calibration_rating_trigger"();
CREATE TRIGGER "calibration_after_rating_delete" AFTER DELETE ON "Rating"
  REFERENCING OLD TABLE AS changed_ratings FOR EACH STATEMENT EXECUTE FUNCTION "calibration_rating_trigger"();

CREATE TRIGGER "calibration_after_scorecard_insert" AFTER INSERT ON "Scorecard"
  REFERENCING NEW TABLE AS new_cards FOR EACH STATEMENT EXECUTE FUNCTION "calibration_scorecard_trigger"();
CREATE TRIGGER "calibration_after_scorecard_update" AFTER UPDATE ON "Scorecard"
  REFERENCING OLD TABLE AS old_cards NEW TABLE AS new_cards FOR EACH STATEMENT EXECUTE FUNCTION "calibration_scorecard_trigger"();
CREATE TRIGGER "calibration_after_scorecard_delete" AFTER DELETE ON "Scorecard"
  REFERENCING OLD TABLE AS old_cards FOR EACH STATEMENT EXECUTE FUNCTION "calibration_scorecard_trigger"();

CREATE TRIGGER "calibration_after_interview_update" AFTER UPDATE ON "Interview"
  REFERENCING OLD TABLE AS old_interviews NEW TABLE AS new_interviews FOR EACH STATEMENT EXECUTE FUNCTION "calibration_interview_trigger"();
CREATE TRIGGER "calibration_after_interview_delete" AFTER DELETE ON "Interview"
  REFERENCING OLD TABLE AS old_interviews FOR EACH STATEMENT EXECUTE FUNCTION "calibration_interview_trigger"();

-- Scorecard, Interview, Candidate (prisma/migrations/20261205230700_scorecard_vacancy_keys): a scorecard's
-- vacancy, for the REST API's keyset pages of a vacancy's scorecards. The insert trigger is row-level (it
-- sets the new row's column).
CREATE TRIGGER "scorecard_vacancy_before_insert" BEFORE INSERT ON "Scorecard"
  FOR EACH ROW EXECUTE FUNCTION "scorecard_vacancy_fill"();
CREATE TRIGGER "scorecard_vacancy_after_interview_update" AFTER UPDATE ON "Interview"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "scorecard_vacancy_interview_trigger"();
CREATE TRIGGER "scorecard_vacancy_after_candidate_update" AFTER UPDATE ON "Candidate"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "scorecard_vacancy_candidate_trigger"();
