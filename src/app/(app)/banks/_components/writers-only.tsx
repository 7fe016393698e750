import Link from "next/link";

/** What a reader sees on a page for changing banks: why there is nothing to do here, and where to go. */
export function WritersOnly({ title }: { title: string }) {
  return (
    <>
      <h1 className="text-2xl font-semibold">{title}</h1>
      <p className="mt-2 max-w-2xl text-slate-700">
        Only admins and hiring managers can change question banks. You can still browse and read every question.
      </p>
      <Link href="/banks" className="mt-4 inline-block text-brand-700 underline">
        Back to the question banks
      </Link>
    </>
  );
}
