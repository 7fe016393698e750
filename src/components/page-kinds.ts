// Pages the client-side shell treats apart, told by their path (client components read it with usePathname).

/** The scoring screen, /interviews/:id/score: a panelist opens it cold on a tablet, so it carries the least. */
export const isScoringPath = (pathname: string): boolean => /^\/interviews\/[^/]+\/score\/?$/.test(pathname);
