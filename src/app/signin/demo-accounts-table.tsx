// The demo accounts on the sign-in page (only when this database holds the demo organisation). A server
// component with the data table's markup: nothing here changes in the browser, so it ships no JavaScript
// (the data table's TanStack Table was a third of the sign-in page's own code).
import { getTranslations } from "next-intl/server";

type Account = { email: string; name: string; role: string };

export async function DemoAccountsTable({ accounts }: { accounts: Account[] }) {
  const [t, common] = await Promise.all([getTranslations("auth.signIn.demo"), getTranslations("common")]);
  return (
    <div className="card relative overflow-x-auto p-0" tabIndex={0} role="region" aria-label={t("tableLabel")}>
      <table className="w-full text-left text-sm">
        <thead>
          <tr className="border-b border-slate-200 bg-slate-50">
            <th scope="col" className="px-3 py-2">{t("email")}</th>
            <th scope="col" className="px-3 py-2">{t("role")}</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((account) => (
            <tr key={account.email} className="border-b border-slate-100 align-top">
              <td className="px-3 py-2">
                <span className="font-mono text-xs sm:text-sm">{account.email}</span>
              </td>
              <td className="px-3 py-2">{common.has(`roles.${account.role}`) ? common(`roles.${account.role}`) : account.role}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
