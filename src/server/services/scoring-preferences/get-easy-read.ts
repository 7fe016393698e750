// Whether a panelist's scoring screen opens in easy-read mode (issue 23): their own choice once they have
// made one (User.easyRead), else on for a service-user seat (involvement panels) and off for any other.
import type { Prisma } from "@/generated/prisma/client";

type Reader = Pick<Prisma.TransactionClient, "user" | "panelMember">;

export function easyReadFor(choice: boolean | null | undefined, strand: string | null | undefined): boolean {
  return choice ?? strand === "SERVICE_USER";
}

export async function getEasyRead(db: Reader, userId: string, interviewId: string): Promise<boolean> {
  const [user, seat] = await Promise.all([
    db.user.findUnique({ where: { id: userId }, select: { easyRead: true } }),
    db.panelMember.findUnique({ where: { interviewId_userId: { interviewId, userId } }, select: { strand: true } }),
  ]);
  return easyReadFor(user?.easyRead, seat?.strand);
}
