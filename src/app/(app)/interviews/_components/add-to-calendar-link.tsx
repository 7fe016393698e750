// "Add to calendar (.ics)": the interview's event as a file (same UID as the emailed invitation, so importing
// it after an invitation replaces rather than doubles). A plain link: the route answers with a download.
export function AddToCalendarLink({ interviewId, candidateName }: { interviewId: string; candidateName?: string }) {
  return (
    <a href={`/api/calendar/interviews/${encodeURIComponent(interviewId)}`} download className="btn-secondary">
      Add to calendar (.ics)
      {candidateName && <span className="sr-only"> for the interview with {candidateName}</span>}
    </a>
  );
}
