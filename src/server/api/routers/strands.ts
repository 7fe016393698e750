// The service-user strand and assisted scoring (issue 23): panel members' strands (a stage's default panel,
// an interview's panel), a stage's strand policy, the strands' figures for a candidate, the reasons given
// when a decision departs from the service users' preferred candidate (for that strand's members), and the
// assisted-scoring flag on a panelist's own scorecard.
import {
  assistanceSchema,
  candidateStrandsInput,
  candidateStrandsSchema,
  declareStrandPolicyInput,
  interviewIdInput,
  interviewStrandsSchema,
  setAssistedInput,
  setPanelMemberStrandInput,
  setStagePanelistStrandInput,
  stageIdInput,
  stageStrandsSchema,
  strandDeparturesSchema,
} from "@/lib/schemas/strands";
import { declareStrandPolicy } from "@/server/services/strands/declare-strand-policy";
import { getCandidateStrands } from "@/server/services/strands/get-candidate-strands";
import { getInterviewStrands } from "@/server/services/strands/get-interview-strands";
import { getStageStrands } from "@/server/services/strands/get-stage-strands";
import { listStrandDepartures } from "@/server/services/strands/list-strand-departures";
import { getScorecardAssistance, setScorecardAssistance } from "@/server/services/strands/set-scorecard-assistance";
import { setPanelMemberStrand } from "@/server/services/strands/set-panel-member-strand";
import { setStagePanelistStrand } from "@/server/services/strands/set-stage-panelist-strand";
import { withActor } from "../call-service";
import { createTRPCRouter, orgProcedure } from "../trpc";

export const strandsRouter = createTRPCRouter({
  stage: orgProcedure("candidates:read").input(stageIdInput).output(stageStrandsSchema).query(withActor(getStageStrands)),

  declarePolicy: orgProcedure("vacancies:write").input(declareStrandPolicyInput).output(stageStrandsSchema).mutation(withActor(declareStrandPolicy)),

  setStagePanelistStrand: orgProcedure("vacancies:write").input(setStagePanelistStrandInput).output(stageStrandsSchema)
    .mutation(withActor(setStagePanelistStrand)),

  interview: orgProcedure("interviews:write").input(interviewIdInput).output(interviewStrandsSchema).query(withActor(getInterviewStrands)),

  setMemberStrand: orgProcedure("interviews:write").input(setPanelMemberStrandInput).output(interviewStrandsSchema)
    .mutation(withActor(setPanelMemberStrand)),

  /** Read through the one visibility rule; insights readers and the candidate's panelists. */
  candidate: orgProcedure("org:read").input(candidateStrandsInput).output(candidateStrandsSchema).query(withActor(getCandidateStrands)),

  /** For the service-user strand's members, after they submitted. */
  departures: orgProcedure("org:read").input(interviewIdInput).output(strandDeparturesSchema).query(withActor(listStrandDepartures)),

  /** A panelist's own scorecard only. */
  assistance: orgProcedure("org:read").input(interviewIdInput).output(assistanceSchema).query(withActor(getScorecardAssistance)),

  setAssisted: orgProcedure("org:read").input(setAssistedInput).output(assistanceSchema).mutation(withActor(setScorecardAssistance)),
});
