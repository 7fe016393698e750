import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage, resolveLocale } from "./config";

describe("locale negotiation", () => {
  it("picks the best supported language from the browser's list, regional tags included", () => {
    expect(localeFromAcceptLanguage("es-MX,es;q=0.9,en;q=0.8")).toBe("es");
    expect(localeFromAcceptLanguage("fr-FR,fr;q=0.9,en;q=0.5,es;q=0.7")).toBe("es");
    expect(localeFromAcceptLanguage("fr,de")).toBeNull();
    expect(localeFromAcceptLanguage("es;q=0,en")).toBe("en");
  });

  it("prefers the user's saved choice, then the cookie, then the browser, then English", () => {
    expect(resolveLocale({ userLocale: "es", cookie: "en", acceptLanguage: "en" })).toBe("es");
    expect(resolveLocale({ userLocale: null, cookie: "es", acceptLanguage: "en" })).toBe("es");
    expect(resolveLocale({ userLocale: "xx", cookie: "xx", acceptLanguage: "es-US" })).toBe("es");
    expect(resolveLocale({})).toBe("en");
  });
});
