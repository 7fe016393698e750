import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { ClientMessages } from "@/i18n/client-messages";
import { roleHas } from "@/server/auth/permissions";
import { signedInServerApi } from "@/trpc/server";
import { CalibrationView } from "./calibration-view";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("calibration");
  return { title: t("title") };
}

export default async function CalibrationPage() {
  const api = await signedInServerApi();
  const viewer = await api.org.viewer();
  const role = viewer.organization?.role;
  const seesEveryone = role ? roleHas(role, "insights:read") : false;
  const managesTraining = role ? roleHas(role, "training:manage") : false;
  const t = await getTranslations("calibration");
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-1 max-w-3xl text-slate-700">{seesEveryone ? t("introEveryone") : t("introOwn")}</p>
      <Suspense fallback={<p className="mt-6">{t("loading")}</p>}>
        <ClientMessages namespaces={["calibration"]}>
          <CalibrationView seesEveryone={seesEveryone} managesTraining={managesTraining} />
        </ClientMessages>
      </Suspense>
    </>
  );
}
