"use client";
// The scorecards of an interview that the viewer may see (submitted ones, and their own).
export function InterviewScorecards({ interviewId }: { interviewId: string }) {
  return <div data-interview-id={interviewId} />;
}
