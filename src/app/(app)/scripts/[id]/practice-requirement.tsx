// Whether this script's panelists must practise first, with the training messages its form needs (the
// script page sends the builder's own namespaces only).
import type { ScriptRequirement } from "@/lib/schemas/readiness";
import { ClientMessages } from "@/i18n/client-messages";
import { PracticeRequirementForm } from "./practice-requirement-form";

export function PracticeRequirement({ initial }: { initial: ScriptRequirement }) {
  return (
    <ClientMessages namespaces={["training", "validation"]}>
      <PracticeRequirementForm initial={initial} />
    </ClientMessages>
  );
}
