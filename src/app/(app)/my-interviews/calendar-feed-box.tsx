"use client";
// The member's private calendar feed: a link a calendar app subscribes to, listing their interviews here.
// The link is shown once when made (only a hash is stored); a lost or shared link is revoked and replaced.
// The page reads the feeds on the server; changes go through the plain tRPC client, loaded on first use, so
// My interviews (a panelist's start page, often on a tablet) loads no query cache (src/components/providers.tsx).
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { ErrorAlert } from "@/components/ui/alert";
import type { CalendarFeed } from "@/lib/schemas/calendar";
import { loadTRPCClient } from "@/trpc/load-client";

/** A feed's time in the page's language and the organisation's time zone (formats.ts, "dateTime"). */
function FeedTime({ date }: { date: Date }) {
  const format = useFormatter();
  return <time dateTime={date.toISOString()}>{format.dateTime(date, "dateTime")}</time>;
}

export function CalendarFeedBox({ initialFeeds }: { initialFeeds: CalendarFeed[] }) {
  const t = useTranslations("myInterviews.feed");
  const [feeds, setFeeds] = useState(initialFeeds);
  const [link, setLink] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [pending, setPending] = useState<"create" | "revoke" | null>(null);
  const [error, setError] = useState<Error | null>(null);

  /** Runs one change, then shows the feeds as the server now has them. */
  async function change(kind: "create" | "revoke", call: (client: Awaited<ReturnType<typeof loadTRPCClient>>) => Promise<void>) {
    setPending(kind);
    setError(null);
    try {
      const client = await loadTRPCClient();
      await call(client);
      setFeeds(await client.calendar.feeds.query());
    } catch (caught) {
      setError(caught instanceof Error ? caught : new Error(t("failed")));
    } finally {
      setPending(null);
    }
  }

  const create = () =>
    change("create", async (client) => {
      const feed = await client.calendar.createFeed.mutate();
      setLink(feed.url);
      setCopied(false);
    });
  const revoke = (id: string) =>
    change("revoke", async (client) => {
      await client.calendar.revokeFeed.mutate({ id });
      setLink(null);
    });

  async function copy(url: string) {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  return (
    <section aria-labelledby="calendar-feed-heading" className="card mt-8">
      <h2 id="calendar-feed-heading" className="text-lg font-semibold">{t("title")}</h2>
      <p className="mt-1 text-sm text-slate-700">{t("intro")}</p>
      {link && (
        <div role="status" className="mt-3 rounded-md border border-brand-100 bg-brand-50 p-3 text-sm">
          <p>{t("newLink")}</p>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <label htmlFor="calendar-feed-link" className="sr-only">{t("linkLabel")}</label>
            <input id="calendar-feed-link" readOnly value={link} className="field-input min-w-0 flex-1 font-mono text-sm" onFocus={(e) => e.target.select()} />
            <button type="button" className="btn-secondary" onClick={() => void copy(link)}>
              {copied ? t("copied") : t("copy")}
            </button>
          </div>
        </div>
      )}
      {feeds.length > 0 && (
        <ul className="mt-3 space-y-2" aria-label={t("listLabel")}>
          {feeds.map((feed) => (
            <li key={feed.id} className="flex flex-wrap items-center justify-between gap-2 text-sm">
              <span>
                {t.rich("made", { time: () => <FeedTime date={feed.createdAt} /> })} ·{" "}
                {feed.lastUsedAt ? t.rich("lastRead", { time: () => <FeedTime date={feed.lastUsedAt!} /> }) : t("notRead")}
              </span>
              <button type="button" className="btn-secondary" disabled={pending === "revoke"} onClick={() => void revoke(feed.id)}>
                {t("revoke")}
                <span className="sr-only">{t.rich("revokeWhich", { time: () => <FeedTime date={feed.createdAt} /> })}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="btn-primary mt-3" disabled={pending === "create"} onClick={() => void create()}>
        {pending === "create" ? t("making") : t("make")}
      </button>
      <ErrorAlert error={error} className="mt-2" />
    </section>
  );
}
