"use client";
// The member's private calendar feed: a link a calendar app subscribes to, listing their interviews here.
// The link is shown once when made (only a hash is stored); a lost or shared link is revoked and replaced.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ErrorAlert } from "@/components/ui/alert";
import { useTRPC } from "@/trpc/react";

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });

export function CalendarFeedBox() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const feeds = useQuery(trpc.calendar.feeds.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.calendar.feeds.queryKey() });
  const [link, setLink] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const create = useMutation(trpc.calendar.createFeed.mutationOptions({ onSuccess: (feed) => { setLink(feed.url); setCopied(false); void refresh(); } }));
  const revoke = useMutation(trpc.calendar.revokeFeed.mutationOptions({ onSuccess: () => { setLink(null); void refresh(); } }));

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
      <h2 id="calendar-feed-heading" className="text-lg font-semibold">Calendar feed</h2>
      <p className="mt-1 text-sm text-slate-700">
        Subscribe to your interviews from Outlook, Google or Apple Calendar with a private link: upcoming interviews and those of the
        last 30 days, with their scoring links. Anyone with the link sees them, so keep it to yourself and revoke it if it leaks.
      </p>
      {link && (
        <div role="status" className="mt-3 rounded-md border border-brand-100 bg-brand-50 p-3 text-sm">
          <p>Your new feed link. Copy it now: it is shown only this once.</p>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <label htmlFor="calendar-feed-link" className="sr-only">Calendar feed link</label>
            <input id="calendar-feed-link" readOnly value={link} className="field-input min-w-0 flex-1 font-mono text-sm" onFocus={(e) => e.target.select()} />
            <button type="button" className="btn-secondary" onClick={() => void copy(link)}>
              {copied ? "Copied" : "Copy link"}
            </button>
          </div>
        </div>
      )}
      {feeds.data && feeds.data.length > 0 && (
        <ul className="mt-3 space-y-2" aria-label="Your feed links">
          {feeds.data.map((feed) => (
            <li key={feed.id} className="flex flex-wrap items-center justify-between gap-2 text-sm">
              <span>
                Made {dateTime.format(feed.createdAt)} · {feed.lastUsedAt ? `last read ${dateTime.format(feed.lastUsedAt)}` : "not read yet"}
              </span>
              <button type="button" className="btn-secondary" disabled={revoke.isPending} onClick={() => revoke.mutate({ id: feed.id })}>
                Revoke<span className="sr-only"> the feed link made {dateTime.format(feed.createdAt)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="btn-primary mt-3" disabled={create.isPending} onClick={() => create.mutate()}>
        {create.isPending ? "Making a link…" : "Make a feed link"}
      </button>
      <ErrorAlert error={create.error ?? revoke.error} className="mt-2" />
    </section>
  );
}
