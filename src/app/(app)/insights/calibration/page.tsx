import type { Metadata } from "next";
import { Suspense } from "react";
import { roleHas } from "@/server/auth/permissions";
import { signedInServerApi } from "@/trpc/server";
import { CalibrationView } from "./calibration-view";

export const metadata: Metadata = { title: "Panel calibration" };

export default async function CalibrationPage() {
  const api = await signedInServerApi();
  const viewer = await api.org.viewer();
  const role = viewer.organization?.role;
  const seesEveryone = role ? roleHas(role, "insights:read") : false;
  const managesTraining = role ? roleHas(role, "training:manage") : false;
  return (
    <>
      <h1 className="text-2xl font-semibold">Panel calibration</h1>
      <p className="mt-1 max-w-3xl text-slate-700">
        {seesEveryone
          ? "How each panelist rates compared with colleagues on the same candidates, and how far the panel's ratings agree."
          : "How you rate compared with colleagues who scored the same candidates. Only your own figures are shown to you."}
      </p>
      <Suspense fallback={<p className="mt-6">Loading calibration…</p>}>
        <CalibrationView seesEveryone={seesEveryone} managesTraining={managesTraining} />
      </Suspense>
    </>
  );
}
