import { useTranslation } from "react-i18next";
import { describeSlateReason, reasonGroup } from "~/domain/slates/decisions";
import { languageName } from "~/domain/profile/languages";
import type { ReaderReason } from "~/models/slates.server";

// Client-safe pieces of the slate pages. The type import above is erased at build time.

function ReasonLine({ reason }: { reason: ReaderReason }) {
  const { t, i18n } = useTranslation();
  const { key, values } = describeSlateReason(reason, (code) => languageName(code, i18n.language));
  return (
    <li>
      {t(key, values)}
      {"required" in reason && reason.required ? ` (${t("slates:slate.reasons.required")})` : ""}
      {"points" in reason && reason.points > 0 ? <span className="ms-1 text-slate-700">{t("slates:slate.reasons.points", { points: reason.points })}</span> : null}
    </li>
  );
}

/** A slate entry's reasons: what matched and how, the fit, and what is missing. */
export function SlateReasons({ reasons }: { reasons: readonly ReaderReason[] }) {
  const { t } = useTranslation();
  const missing = reasons.filter((r) => reasonGroup(r.code) === "missing");
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <div>
        <h3 className="font-medium">{t("slates:slate.why")}</h3>
        <ul className="list-disc ps-5 text-sm">
          {reasons
            .filter((r) => reasonGroup(r.code) !== "missing")
            .map((reason, i) => (
              <ReasonLine key={i} reason={reason} />
            ))}
        </ul>
      </div>
      {missing.length > 0 ? (
        <div>
          <h3 className="font-medium">{t("slates:slate.missing")}</h3>
          <ul className="list-disc ps-5 text-sm">
            {missing.map((reason, i) => (
              <ReasonLine key={i} reason={reason} />
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
