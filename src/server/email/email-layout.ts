// The frame every Panelkit email shares: the organisation's name on top, one call to action, and the same
// words as plain text for mail clients that show no HTML. User text (names, places) is escaped for HTML.
import { emailText } from "./email-text";

export type RenderedEmail = { subject: string; text: string; html: string };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Dates in emails are in the organisation's time zone (UTC unless set in Settings) and name it: the
 * recipient's own zone is not known. Written for the recipient's language (English as in Britain).
 */
export function formatWhen(date: Date, timeZone = "UTC", locale = "en"): string {
  const tag = locale === "en" ? "en-GB" : locale;
  return new Intl.DateTimeFormat(tag, { dateStyle: "full", timeStyle: "short", timeZone }).format(date) + ` ${timeZone}`;
}

export function renderEmail(input: {
  orgName: string;
  /** The recipient's language: the footer's words and the HTML's lang (English when not given). */
  locale?: string;
  subject: string;
  /** Paragraphs, as plain text. */
  paragraphs: string[];
  action: { label: string; url: string };
  footer?: string;
}): RenderedEmail {
  const { t, locale } = emailText(input.locale);
  const footer = input.footer ?? t("footer", { org: input.orgName });
  const text = [`${input.orgName}`, "", ...input.paragraphs.flatMap((p) => [p, ""]), `${input.action.label}: ${input.action.url}`, "", "--", footer].join("\n");
  const html = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(input.subject)}</title></head>
<body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1f2937;max-width:36rem;margin:0 auto;padding:1rem">
<p style="font-weight:600;color:#374151">${escapeHtml(input.orgName)}</p>
${input.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n")}
<p><a href="${escapeHtml(input.action.url)}" style="display:inline-block;background:#1d4ed8;color:#fff;padding:.6rem 1rem;border-radius:.375rem;text-decoration:none">${escapeHtml(input.action.label)}</a></p>
<p style="font-size:.875rem;color:#6b7280">${escapeHtml(footer)}</p>
</body></html>`;
  return { subject: input.subject, text, html };
}
