"use client";
// The demo accounts on the sign-in page (only when this database holds the demo organisation).
import { DataTable, type ColumnDef } from "@/components/ui/data-table";
import { roleLabel } from "@/app/(app)/members/roles";

type Account = { email: string; name: string; role: string };

const columns: Array<ColumnDef<Account>> = [
  { id: "email", header: "Email", cell: ({ row }) => <span className="font-mono text-xs sm:text-sm">{row.original.email}</span> },
  { id: "role", header: "Role", cell: ({ row }) => roleLabel(row.original.role) },
];

export function DemoAccountsTable({ accounts }: { accounts: Account[] }) {
  return <DataTable label="Demo account emails and roles" columns={columns} data={accounts} rowKey={(a) => a.email} />;
}
