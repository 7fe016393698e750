// The small mark beside a built-in text shown in translation: the source articles are English, and a reader
// should know the wording in front of them is a translation of it.
import { useTranslations } from "next-intl";

export function TranslatedMarker({ className = "" }: { className?: string }) {
  const t = useTranslations("builtinContent");
  return <span className={`chip text-xs ${className}`}>{t("translatedFromEnglish")}</span>;
}
