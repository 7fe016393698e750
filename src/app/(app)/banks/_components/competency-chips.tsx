// A question's competencies as chips, in order (the first is the main one), in a named list.
export function CompetencyChips({ label, competencies, className = "mt-2" }: { label: string; competencies: ReadonlyArray<{ slug: string; name: string }>; className?: string }) {
  return (
    <ul className={`${className} flex flex-wrap gap-1.5`} aria-label={label}>
      {competencies.map((c) => (
        <li key={c.slug} className="chip">
          {c.name}
        </li>
      ))}
    </ul>
  );
}
