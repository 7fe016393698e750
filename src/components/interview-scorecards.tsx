"use client";
// The scorecards of an interview that the viewer may see: submitted ones, and their own. The server
// decides; ScorecardsTable only lays them out, one column per panelist.
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { ScorecardsTable } from "@/components/scorecards-table";
import { useTRPC } from "@/trpc/react";

export function InterviewScorecards({ interviewId }: { interviewId: string }) {
  const t = useTranslations("common.ui.scorecards");
  const trpc = useTRPC();
  const result = useQuery(trpc.scorecards.forInterview.queryOptions({ interviewId }));
  if (result.isPending) return <p className="text-sm text-slate-600">{t("loading")}</p>;
  if (result.isError) return null;
  return <ScorecardsTable data={result.data} />;
}
