// Issue 23: the written reason of a decision that departed from the service-user strand's preferred
// candidate, shown with the decision, and the field the chair writes it in (outcome form).
import { useTranslations } from "next-intl";

export function DepartureReasonNote({ reason }: { reason: string | null | undefined }) {
  const t = useTranslations("strands");
  if (!reason) return null;
  return (
    <div>
      <dt className="text-sm font-medium text-slate-800">{t("departureShown")}</dt>
      <dd className="whitespace-pre-wrap" data-testid="decision-strand-departure">
        {reason}
      </dd>
    </div>
  );
}
