// "Assisted: ratings entered by …" beside a scorecard (the interview's scorecards). No "use client": it has no
// state, so a server page rendering the scorecards (a lay panelist's scoring page) sends no JavaScript for it.
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
