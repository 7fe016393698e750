// The figures tables of the insights pages: a named region that scrolls sideways on narrow screens, a
// caption for screen readers, column headers (numbers right-aligned) and, in each row, the row's name as
// its header cell. Rows are the page's own (<StatRow>); DataTable suits plain lists, these need row headers.
import type { ReactNode } from "react";

export type StatColumn = { label: ReactNode; key?: string; numeric?: boolean };

type StatTableProps = {
  /** The region's accessible name. */
  label: string;
  caption: ReactNode;
  columns: ReadonlyArray<StatColumn>;
  testId?: string;
  className?: string;
  children: ReactNode;
  footer?: ReactNode;
};

export function StatTable({ label, caption, columns, testId, className = "mt-3", children, footer }: StatTableProps) {
  return (
    <div className={`${className} relative overflow-x-auto`} role="region" aria-label={label} tabIndex={0}>
      <table className="w-full min-w-max text-left text-sm" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-300">
            {columns.map((c, i) => (
              <th key={c.key ?? i} scope="col" className={`py-1.5 pr-3 ${c.numeric ? "text-right" : ""}`.trim()}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
        {footer && <tfoot>{footer}</tfoot>}
      </table>
    </div>
  );
}
