"use client";
// The app's plain data table: columns as TanStack Table column definitions, the markup (scrolling region
// with a name, header cells with scope, row borders) written once. Sorting tables with state in the URL
// (the comparison) build on TanStack Table directly.
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef } from "@tanstack/react-table";
import type { ReactNode } from "react";

export type { ColumnDef };

type DataTableProps<Row> = {
  /** The region's accessible name (the table scrolls sideways on narrow screens and is reachable by keyboard). */
  label: string;
  columns: Array<ColumnDef<Row>>;
  data: ReadonlyArray<Row>;
  rowKey: (row: Row) => string;
  /** Shown in place of the table when there are no rows. */
  empty?: ReactNode;
  /** Minimum table width before the region scrolls, e.g. "min-w-[44rem]". */
  minWidth?: string;
  testId?: string;
  /** A data-testid on every body row (specs pick rows by it). */
  rowTestId?: string;
  /** Extra classes for each row (e.g. highlighting). */
  rowClassName?: (row: Row) => string;
  /** A caption read by screen readers; hidden visually unless `showCaption`. */
  caption?: string;
};

export function DataTable<Row>({ label, columns, data, rowKey, empty, minWidth = "", testId, rowTestId, rowClassName, caption }: DataTableProps<Row>) {
  // TanStack Table's hook returns functions the React Compiler must not memoise; this component is the only place.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({ columns, data: data as Row[], getCoreRowModel: getCoreRowModel(), getRowId: (row) => rowKey(row) });
  if (data.length === 0 && empty) return <>{empty}</>;
  return (
    <div className="card relative overflow-x-auto p-0" tabIndex={0} role="region" aria-label={label}>
      <table className={`w-full text-left text-sm ${minWidth}`.trim()} data-testid={testId}>
        {caption && <caption className="sr-only">{caption}</caption>}
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} className="border-b border-slate-200 bg-slate-50">
              {group.headers.map((header) => (
                <th key={header.id} scope="col" className="px-3 py-2">
                  {header.isPlaceholder ? null : flexRender(header.column.columnDef.header, header.getContext())}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} className={`border-b border-slate-100 align-top ${rowClassName?.(row.original) ?? ""}`.trim()} data-testid={rowTestId}>
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id} className="px-3 py-2">
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
