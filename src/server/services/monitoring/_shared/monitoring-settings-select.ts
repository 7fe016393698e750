import type { MonitoringSettings } from "@/lib/schemas/monitoring";

export const monitoringSettingsSelect = { monitoringCategories: true, monitoringMinCell: true, monitoringReportForManagers: true } as const;

export function toMonitoringSettings(org: { monitoringCategories: string[]; monitoringMinCell: number; monitoringReportForManagers: boolean }): MonitoringSettings {
  return { categories: org.monitoringCategories, minCell: org.monitoringMinCell, reportForManagers: org.monitoringReportForManagers };
}
