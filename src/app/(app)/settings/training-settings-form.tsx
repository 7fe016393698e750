// The training settings section with its own messages (the settings page sends none to the browser itself).
import type { TrainingSettings } from "@/lib/schemas/readiness";
import { ClientMessages } from "@/i18n/client-messages";
import { TrainingSettingsFields } from "./training-settings-fields";

export function TrainingSettingsForm({ initial }: { initial: TrainingSettings }) {
  return (
    <ClientMessages namespaces={["training", "validation"]}>
      <TrainingSettingsFields initial={initial} />
    </ClientMessages>
  );
}
