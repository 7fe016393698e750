// Rendered on the server at every request, as the app's pages are; no client component, so what the browser
// runs on load is Next.js and React alone (the floor of pages.lighthouse_mobile, see ../../next-floor.ts).
export const dynamic = "force-dynamic";

export default function FloorPage() {
  return (
    <main>
      <h1>Panelkit</h1>
      <p>A bare Next.js page: a root layout, a heading and a paragraph rendered on the server.</p>
    </main>
  );
}
