import { useTranslation } from "react-i18next";

/** ESCO's licence asks for this notice wherever its skills and labels are shown. */
export function EscoAttribution() {
  const { t } = useTranslation();
  return <p className="mt-6 text-xs text-slate-600">{t("taxonomy:attribution")}</p>;
}

/**
 * Marks a skill label that Harbor translated itself (provenance 'harbor'), so it is never taken
 * for ESCO's own wording. Place it right after the label; screen readers hear
 * "бухгалтерський облік (Translation by Harbor)".
 */
export function HarborLabelMark() {
  const { t } = useTranslation();
  return (
    <span className="ms-1 inline-block rounded border border-slate-300 px-1 align-baseline text-xs text-slate-600">
      <span className="sr-only"> (</span>
      {t("taxonomy:harbor_label")}
      <span className="sr-only">)</span>
    </span>
  );
}
