"use client";
// The easy-read mode's symbols beside the four levels: one simple, consistent shape per level (a cross, a
// half-filled circle, a tick, a star), drawn in the text colour so they keep the page's contrast, each with
// a text alternative naming the shape.
import { useTranslations } from "next-intl";

const SHAPES: Record<number, React.ReactNode> = {
  1: <path d="M7 7l10 10M17 7L7 17" strokeWidth="3" strokeLinecap="round" />,
  2: (
    <>
      <circle cx="12" cy="12" r="8.5" strokeWidth="2.5" fill="none" />
      <path d="M12 3.5a8.5 8.5 0 0 0 0 17z" fill="currentColor" stroke="none" />
    </>
  ),
  3: <path d="M5 12.5l4.5 4.5L19 7" strokeWidth="3" strokeLinecap="round" strokeLinejoin="round" fill="none" />,
  4: <path d="M12 3l2.7 5.6 6.1.8-4.5 4.2 1.1 6.1L12 16.8l-5.4 2.9 1.1-6.1-4.5-4.2 6.1-.8z" fill="currentColor" stroke="none" />,
};

export function RatingSymbol({ level }: { level: number }) {
  const t = useTranslations("scoring.easyRead");
  const shape = SHAPES[level];
  if (!shape) return null;
  return (
    <svg role="img" aria-label={t(`symbolNames.${level}`)} viewBox="0 0 24 24" className="h-8 w-8 shrink-0" stroke="currentColor" fill="none" data-testid={`symbol-${level}`}>
      {shape}
    </svg>
  );
}
