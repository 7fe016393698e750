"use client";
// "Assisted: ratings entered by …" beside a scorecard in client components (the interview's scorecards).
import { useTranslations } from "next-intl";

export function AssistedChip({ assisted, supporterName }: { assisted: boolean; supporterName: string | null }) {
  const t = useTranslations("strands");
  if (!assisted) return null;
  return (
    <span className="chip mt-1 block" data-testid="assisted-note">
      {t("assistedBy", { name: supporterName ?? "" })}
    </span>
  );
}
