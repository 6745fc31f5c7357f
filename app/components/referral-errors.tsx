import { useTranslation } from "react-i18next";
import { REFERRAL_ERROR_KEYS, REFERRAL_FIELD_KEYS } from "~/domain/intake/referral-messages";

/** Row-by-row problems of a referral file, in the reader's language. */
export function ReferralErrorTable({ errors }: { errors: Array<{ row: number; field: string; code: string }> }) {
  const { t } = useTranslation();
  return (
    <table className="w-full text-sm">
      <thead>
        <tr className="border-b border-slate-200">
          <th scope="col" className="py-1 text-start">{t("intake:upload.row")}</th>
          <th scope="col" className="py-1 text-start">{t("intake:upload.field")}</th>
          <th scope="col" className="py-1 text-start">{t("intake:upload.problem")}</th>
        </tr>
      </thead>
      <tbody>
        {errors.map((e, i) => (
          <tr key={`${e.row}-${e.field}-${i}`} className="border-b border-slate-100">
            <td className="py-1">{e.row}</td>
            <td className="py-1">{REFERRAL_FIELD_KEYS[e.field] ? t(REFERRAL_FIELD_KEYS[e.field] as string) : e.field}</td>
            <td className="py-1">{t(REFERRAL_ERROR_KEYS[e.code] ?? "intake:errors.invalid")}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
