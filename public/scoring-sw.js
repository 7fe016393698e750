// Lets the scoring screen reload while the device is offline. Only the scoring page and the app's
// immutable build files are kept; the page is fetched fresh whenever the network answers, and ratings
// made offline live in the page's own storage until they are sent. Signing out clears this cache.
const CACHE = "panelkit-scoring-v1";
const SCORING_PAGE = /^\/interviews\/[^/]+\/score\/?$/;

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

// The page that registered this worker loaded before it was in control: it sends the files it used.
self.addEventListener("message", (event) => {
  const urls = event.data && event.data.type === "keep-for-offline" ? event.data.urls : null;
  if (!Array.isArray(urls)) return;
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      Promise.all(
        urls
          .filter((u) => typeof u === "string" && (u.startsWith("/_next/static/") || SCORING_PAGE.test(u)))
          .map((u) =>
            fetch(u, { credentials: "same-origin" })
              .then((response) => (response.ok && !response.redirected ? cache.put(u, response) : undefined))
              .catch(() => undefined),
          ),
      ),
    ),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;

  if (url.pathname.startsWith("/_next/static/")) {
    // Build files never change under the same name: the cache is as good as the network.
    event.respondWith(
      caches.open(CACHE).then(async (cache) => {
        const cached = await cache.match(request);
        if (cached) return cached;
        const response = await fetch(request);
        if (response.ok) cache.put(request, response.clone());
        return response;
      }),
    );
    return;
  }

  if (request.mode === "navigate" && SCORING_PAGE.test(url.pathname)) {
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok && !response.redirected) {
            const copy = response.clone();
            caches.open(CACHE).then((cache) => cache.put(url.pathname, copy));
          }
          return response;
        })
        .catch(async () => (await caches.match(url.pathname)) ?? Response.error()),
    );
  }
});
