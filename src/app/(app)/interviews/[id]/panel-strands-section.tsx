// The interview page's panel strands with their messages (the strands namespace) for the browser.
import { ClientMessages } from "@/i18n/client-messages";
import { PanelStrands } from "./panel-strands";

export function PanelStrandsSection({ interviewId }: { interviewId: string }) {
  return (
    <ClientMessages namespaces={["strands"]}>
      <PanelStrands interviewId={interviewId} />
    </ClientMessages>
  );
}
