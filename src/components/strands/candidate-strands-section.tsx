// The candidate summary's and the debrief's strands section: reads strands.candidate (the one visibility
// rule decides what it holds) and shows it, at one stage or every stage with strands.
import { signedInServerApi } from "@/trpc/server";
import { CandidateStrands } from "./strand-figures";

export async function CandidateStrandsSection({ candidateId, stageId }: { candidateId: string; stageId?: string }) {
  const api = await signedInServerApi();
  // Someone who may not read the candidate's strands (NOT_FOUND) sees no section rather than an error page.
  const { stages } = await api.strands.candidate({ candidateId }).catch(() => ({ stages: [] }));
  return <CandidateStrands stages={stages} stageId={stageId} headingId={`strands-${stageId ?? "all"}`} />;
}
