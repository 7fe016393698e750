import { NextResponse } from "next/server";
import { databaseIsUp } from "@/server/services/health/check-database";

export const dynamic = "force-dynamic";

export async function GET() {
  const up = await databaseIsUp();
  return NextResponse.json(
    { status: up ? "ok" : "degraded", db: up ? "ok" : "down" },
    { status: up ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
