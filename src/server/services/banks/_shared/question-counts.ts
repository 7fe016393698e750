// How many questions each bank holds, for the bank lists (list-banks.ts, list-own-banks.ts).
import type { Db } from "@/server/db";
import { countsBy } from "@/server/services/_shared/counts-by";

/** Each of `bankIds`' question count (0 for a bank without questions), grouped from those banks' questions only. */
export async function bankQuestionCounts(db: Db, bankIds: string[]): Promise<(bankId: string) => number> {
  const rows = await db.question.groupBy({ by: ["bankId"], where: { bankId: { in: bankIds } }, _count: { _all: true } });
  return countsBy(rows, "bankId");
}
