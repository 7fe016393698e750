// The training pages' figures for the reader's language (0.75 · 0,75): two decimals, and a signed lean
// with a true minus sign, as practice-readings.ts writes them in English.
import { useFormatter } from "next-intl";

export function useFigures() {
  const format = useFormatter();
  const two = (value: number) => format.number(value, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return {
    two,
    figure: (value: number | null) => (value === null ? "—" : two(value)),
    signed: (value: number) => `${value > 0 ? "+" : value < 0 ? "−" : ""}${two(Math.abs(value))}`,
  };
}
