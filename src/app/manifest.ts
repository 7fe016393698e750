import type { MetadataRoute } from "next";

// What a tablet needs to add Panelkit to its home screen and open it like an app (panelists score in the room).
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Panelkit",
    short_name: "Panelkit",
    description: "Structured, fair interview panels for health and social services hiring.",
    start_url: "/",
    display: "standalone",
    background_color: "#ffffff",
    theme_color: "#115e59",
    icons: [
      { src: "/icon.svg", type: "image/svg+xml", sizes: "any" },
      { src: "/icons/icon-192.png", type: "image/png", sizes: "192x192" },
      { src: "/icons/icon-512.png", type: "image/png", sizes: "512x512" },
      { src: "/icons/icon-maskable-512.png", type: "image/png", sizes: "512x512", purpose: "maskable" },
    ],
  };
}
