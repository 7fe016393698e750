// A person's contact details as a definition list; "—" where a detail is missing.
export function ContactDetails({ email, phone, className = "" }: { email: string | null | undefined; phone: string | null | undefined; className?: string }) {
  return (
    <dl className={`grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm ${className}`.trim()}>
      <dt className="font-medium">Email</dt>
      <dd>{email || "—"}</dd>
      <dt className="font-medium">Phone</dt>
      <dd>{phone || "—"}</dd>
    </dl>
  );
}
