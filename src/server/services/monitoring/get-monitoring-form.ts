// What the public monitoring form shows: the link's state and, for a usable link, the organisation's name
// and the categories it asks. Nothing about the candidate: whoever holds the link sees no one's data.
import type { MonitoringForm } from "@/lib/schemas/monitoring";
import { collectedMonitoringCategories } from "@/lib/monitoring/categories";
import type { Db } from "@/server/db";
import { hashMonitoringToken } from "./_shared/monitoring-token";
import { monitoringInviteStateSelect, monitoringLinkStatus } from "./_shared/monitoring-link-status";

export async function getMonitoringForm(db: Db, input: { token: string }): Promise<MonitoringForm> {
  const invite = await db.monitoringInvite.findUnique({
    where: { tokenHash: hashMonitoringToken(input.token) },
    select: { ...monitoringInviteStateSelect, org: { select: { name: true, monitoringCategories: true } } },
  });
  const status = monitoringLinkStatus(invite, new Date());
  if (!invite || status !== "valid") return { status, orgName: null, categories: [] };
  return {
    status,
    orgName: invite.org.name,
    categories: collectedMonitoringCategories(invite.org.monitoringCategories).map((category) => category.key),
  };
}
