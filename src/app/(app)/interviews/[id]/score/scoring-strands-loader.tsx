"use client";
// The scoring screen's strands section in its own chunk: the page's JavaScript budget holds with it.
import dynamic from "next/dynamic";

export const ScoringStrandsLazy = dynamic(() => import("./scoring-strands").then((m) => m.ScoringStrands), { ssr: false });
