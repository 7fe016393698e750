// The plan page's strands (issue 23): one section per saved stage, with the strands namespace for the browser.
import { ClientMessages } from "@/i18n/client-messages";
import { StageStrands } from "./stage-strands";

export function StageStrandsSection({ stages }: { stages: ReadonlyArray<{ id: string }> }) {
  if (stages.length === 0) return null;
  return (
    <ClientMessages namespaces={["strands"]}>
      {stages.map((s) => (
        <StageStrands key={s.id} stageId={s.id} />
      ))}
    </ClientMessages>
  );
}
