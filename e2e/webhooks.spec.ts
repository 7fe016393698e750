// Webhooks end to end on the built app (NODE_ENV=production): an admin registers an endpoint in Settings
// (plain http refused, https required; a private address only once allowed), sends a test event that the
// app's job queue tries to deliver, and reads and replays it in the delivery log. The receiver here speaks
// plain HTTP behind an https:// URL, so every attempt fails at TLS and is logged as such: signatures,
// retries and successful deliveries are proved by tests/integration/webhooks.int.test.ts against a real
// receiver. Cleans up after itself (the endpoint and the private-address setting).
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { checkA11y, expect, signIn, test } from "./fixtures";

const DEMO_PASSWORD = "panelkit-demo";

test("an admin registers a webhook endpoint, sends a test event and replays it from the delivery log", async ({ page }) => {
  let connections = 0;
  const server = createServer((_req, res) => res.writeHead(200).end());
  server.on("connection", () => void connections++);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const hostAndPath = `127.0.0.1:${(server.address() as AddressInfo).port}/hooks/${Date.now()}`;
  const url = `https://${hostAndPath}`;
  try {
    await signIn(page, "admin@riverside.example", DEMO_PASSWORD, { goto: "/settings" });
    const section = page.getByRole("region", { name: "Webhooks" });
    const allow = section.getByLabel("Allow endpoints on private, loopback and link-local addresses");
    const add = async (value: string) => {
      await section.getByLabel("Endpoint URL").fill(value);
      await section.getByRole("button", { name: "Add endpoint" }).click();
    };
    await section.getByLabel("scorecard.submitted").check();
    await add(`http://${hostAndPath}`);
    await expect(section.getByText("The webhook URL must start with https://.")).toBeVisible();
    if (await allow.isChecked()) await allow.uncheck();
    await add(url);
    await expect(section.getByText(/points at a private, loopback or link-local address/)).toBeVisible();
    await allow.check();
    await expect(allow).toBeChecked();
    // The answer is lost after the server registered the endpoint (the connection drops on the way back): the
    // form keeps what was typed and says the server can't be reached. Sent again as it is, it registers nothing
    // twice (every event would have been delivered twice), empties and says the endpoint was added.
    const create = "**/api/trpc/webhooks.create**";
    await page.route(create, async (route) => {
      await route.fetch();
      await route.abort("connectionreset");
    });
    await add(url);
    await expect(section.getByRole("alert").filter({ hasText: "The server can't be reached" })).toBeVisible();
    await expect(section.getByLabel("Endpoint URL")).toHaveValue(url);
    await page.unroute(create);
    await section.getByRole("button", { name: "Add endpoint" }).click();
    await expect(section.getByRole("status").filter({ hasText: `Endpoint added: ${url}.` })).toBeVisible();
    await expect(section.getByLabel("Endpoint URL")).toHaveValue("");
    await expect(section.getByLabel("scorecard.submitted")).not.toBeChecked();
    await expect(section.getByLabel(`Signing secret of ${url}`)).toHaveCount(1);
    await expect(section.getByLabel(`Signing secret of ${url}`)).toHaveValue(/^whsec_/);

    await section.getByRole("button", { name: `Send test event ${url}` }).click();
    await expect(section.getByRole("status").filter({ hasText: "Test event queued" })).toBeVisible();
    await expect.poll(() => connections, { timeout: 10_000 }).toBeGreaterThan(0);
    await section.getByRole("link", { name: `Delivery log ${url}` }).click();
    await expect(page.getByRole("heading", { name: "Webhook deliveries" })).toBeVisible();
    await expect(async () => {
      await page.reload();
      await expect(page.getByText(/#1 .* · no response · \d+ ms · /)).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 10_000 });
    await page.getByRole("button", { name: /^Replay/ }).click();
    await expect(page.getByRole("status")).toHaveText("Queued.");
    // The replay refreshes the page (router.refresh), which sends its metadata again: axe run while React was
    // applying it found the document without its <title> (CI, twice; waiting for "networkidle" does not wait
    // here, the page reached that state long before). So the accessibility check is of the delivery log loaded
    // afresh at 320 px: the reload replaces the document, and the refresh with it.
    await page.setViewportSize({ width: 320, height: 800 });
    await page.reload();
    await expect(page.getByRole("heading", { name: "Webhook deliveries" })).toBeVisible();
    expect(await checkA11y(page)).toEqual([]);

    // The settings page, this section included, is checked for accessibility at 320 px by scim.spec.ts.
    await page.goto("/settings");
    page.on("dialog", (dialog) => void dialog.accept());
    await section.getByRole("button", { name: `Delete ${url}` }).click();
    await expect(section.getByText(url)).toHaveCount(0);
    await allow.uncheck();
    await expect(allow).not.toBeChecked();
  } finally {
    server.closeAllConnections();
    server.close();
  }
});
