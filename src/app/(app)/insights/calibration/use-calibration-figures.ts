// The calibration page's figures in the reader's language (0.72 · 0,72; 45% · 45 %): alphas and means to a
// fixed number of decimals with an en dash for none, offsets signed with a true minus sign, chances in percent.
import { useFormatter } from "next-intl";

type Format = Pick<ReturnType<typeof useFormatter>, "number">;
export type CalibrationFigures = ReturnType<typeof calibrationFigures>;

export function calibrationFigures(format: Format) {
  const fixed = (value: number, digits: number) => format.number(value, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return {
    /** A figure to `digits` decimals; an en dash when there is none. */
    mean: (value: number | null | undefined, digits = 1) => (value == null || Number.isNaN(value) ? "–" : fixed(value, digits)),
    /** +0.42, −0.31, and 0.00 for what rounds to nothing. */
    signed: (value: number, digits = 2) => {
      const size = Math.round(Math.abs(value) * 10 ** digits) / 10 ** digits;
      return size === 0 ? fixed(0, digits) : `${value > 0 ? "+" : "−"}${fixed(size, digits)}`;
    },
    /** A threshold as written (0.667 · 0,667). */
    plain: (value: number) => format.number(value, { maximumFractionDigits: 3 }),
    percent: (share: number) => format.number(share, { style: "percent", maximumFractionDigits: 0 }),
  };
}

export const useCalibrationFigures = () => calibrationFigures(useFormatter());
