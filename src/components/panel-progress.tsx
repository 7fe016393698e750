"use client";
// Live panel progress for an interview: who has started and who has submitted, never their scores.
export function PanelProgress({ interviewId }: { interviewId: string }) {
  return <div data-interview-id={interviewId} />;
}
