"use client";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { ErrorAlert } from "@/components/ui/alert";
import { useTRPC } from "@/trpc/react";

/** Sends the delivery's event again now (the same webhook-id), as a new round of attempts. */
export function ReplayDeliveryButton({ deliveryId }: { deliveryId: string }) {
  const trpc = useTRPC();
  const t = useTranslations("webhooks.deliveries");
  const router = useRouter();
  const replay = useMutation(trpc.webhooks.replay.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <div>
      <button type="button" className="btn-secondary" disabled={replay.isPending} onClick={() => replay.mutate({ deliveryId })}>
        {t("replay")}<span className="sr-only"> {t("replayWhich", { id: deliveryId })}</span>
      </button>
      {replay.isSuccess && <p role="status" className="mt-1">{t("queued")}</p>}
      <ErrorAlert error={replay.error} />
    </div>
  );
}
