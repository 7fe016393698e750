// The organisation's training thresholds, as the settings page reads and writes them.
export const trainingSettingsSelect = {
  practiceMaxMad: true,
  practiceUnreadyMode: true,
  driftLeniencyThreshold: true,
  driftMinRatings: true,
} as const;
