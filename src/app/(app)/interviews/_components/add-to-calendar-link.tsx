// "Add to calendar (.ics)": the interview's event as a file (same UID as the emailed invitation, so importing
// it after an invitation replaces rather than doubles). A plain link: the route answers with a download.
// Server-rendered (My interviews, the interview page): it ships no JavaScript.
import { getTranslations } from "next-intl/server";

export async function AddToCalendarLink({ interviewId, candidateName }: { interviewId: string; candidateName?: string }) {
  const t = await getTranslations("interviews");
  return (
    <a href={`/api/calendar/interviews/${encodeURIComponent(interviewId)}`} download className="btn-secondary">
      {t("addToCalendar")}
      {candidateName && <span className="sr-only">{t("addToCalendarFor", { candidate: candidateName })}</span>}
    </a>
  );
}
