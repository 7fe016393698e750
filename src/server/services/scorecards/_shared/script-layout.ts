// The questions of the script version an interview runs with, numbered as the panel sees them.
import type { Prisma } from "@/generated/prisma/client";
import { anchorsInOrderSelect } from "../../_shared/selects";

type Reader = Pick<Prisma.TransactionClient, "scriptSection">;

export async function loadScriptLayout(db: Reader, scriptVersionId: string) {
  const sections = await db.scriptSection.findMany({
    where: { versionId: scriptVersionId },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: {
      title: true,
      items: {
        orderBy: [{ position: "asc" }, { id: "asc" }],
        select: {
          id: true,
          text: true,
          minutes: true,
          goodAnswer: true,
          probes: true,
          required: true,
          competencies: {
            orderBy: { position: "asc" },
            select: {
              competency: { select: { id: true, name: true, anchors: anchorsInOrderSelect } },
            },
          },
        },
      },
    },
  });
  let number = 0;
  return sections.flatMap((section) =>
    section.items.map(({ id, competencies, ...item }) => ({
      itemId: id,
      number: ++number,
      sectionTitle: section.title,
      ...item,
      competencies: competencies.map((c) => c.competency),
    })),
  );
}

export type ScriptLayoutItem = Awaited<ReturnType<typeof loadScriptLayout>>[number];
