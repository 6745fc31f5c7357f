import { useTranslation } from "react-i18next";
import { PIPELINE_STAGE_KEYS } from "~/domain/candidates/pipeline";
import { textDirection } from "~/i18n/config";
import type { ProgramFunnel } from "~/models/funnel.server";

// Client-safe: the type import above is erased at build time.

const DIMENSION_KEYS = {
  ngo: "admin:funnel.by.ngo",
  language: "admin:funnel.by.language",
  origin: "admin:funnel.by.origin",
  area: "admin:funnel.by.area",
} as const;

/** Bars per stage, drawn on the server as SVG (no script), mirrored for right-to-left readers. */
function FunnelChart({ rows }: { rows: ProgramFunnel["overall"] }) {
  const { t, i18n } = useTranslation();
  const rtl = textDirection(i18n.language) === "rtl";
  const percent = new Intl.NumberFormat(i18n.language, { style: "percent", maximumFractionDigits: 0 });
  const width = 640;
  const label = 170;
  const barSpace = width - label - 110;
  const rowHeight = 34;
  const max = Math.max(1, ...rows.map((r) => r.reached));
  const x = (at: number, w = 0) => (rtl ? width - at - w : at);
  const summary = rows.map((r) => `${t(PIPELINE_STAGE_KEYS[r.stage])}: ${r.reached}`).join(", ");
  return (
    <svg viewBox={`0 0 ${width} ${rows.length * rowHeight + 8}`} role="img" aria-label={`${t("admin:funnel.chart")}: ${summary}`} className="w-full max-w-2xl">
      {rows.map((row, i) => {
        const y = i * rowHeight + 4;
        const bar = Math.max(2, Math.round((row.reached / max) * barSpace));
        return (
          <g key={row.stage}>
            <text x={x(label - 8)} y={y + 20} textAnchor={rtl ? "start" : "end"} fontSize="14" fill="#0f172a">
              {t(PIPELINE_STAGE_KEYS[row.stage])}
            </text>
            <rect x={x(label, bar)} y={y + 4} width={bar} height={rowHeight - 10} fill="#1d4ed8" rx="3" />
            <text x={x(label + bar + 6)} y={y + 20} textAnchor={rtl ? "end" : "start"} fontSize="13" fill="#0f172a">
              {row.reached}
              {row.conversion === null ? "" : ` (${percent.format(row.conversion)})`}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function StageTable({ rows, caption }: { rows: ProgramFunnel["overall"]; caption: string }) {
  const { t, i18n } = useTranslation();
  const percent = new Intl.NumberFormat(i18n.language, { style: "percent", maximumFractionDigits: 0 });
  const days = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  return (
    <table className="w-full text-start text-sm">
      <caption className="text-start font-medium">{caption}</caption>
      <thead>
        <tr className="border-b border-slate-200">
          <th scope="col" className="py-1 text-start">{t("admin:funnel.stage")}</th>
          <th scope="col" className="py-1 text-start">{t("admin:funnel.reached")}</th>
          <th scope="col" className="py-1 text-start">{t("admin:funnel.conversion")}</th>
          <th scope="col" className="py-1 text-start">{t("admin:funnel.median_days")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.stage} className="border-b border-slate-100">
            <th scope="row" className="py-1 text-start font-normal">{t(PIPELINE_STAGE_KEYS[row.stage])}</th>
            <td className="py-1">{row.reached}</td>
            <td className="py-1">{row.conversion === null ? "—" : percent.format(row.conversion)}</td>
            <td className="py-1">{row.medianDays === null ? "—" : days.format(row.medianDays)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The whole funnel page body: chart, overall table, then one table per group of each dimension. */
export function FunnelView({ data, csvHref }: { data: ProgramFunnel; csvHref: string }) {
  const { t } = useTranslation();
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p>{t("admin:funnel.total", { count: data.total })}</p>
        <a href={csvHref} className="rounded border border-slate-400 px-3 py-2" download>
          {t("admin:funnel.export_csv")}
        </a>
      </div>
      <section aria-labelledby="funnel-overall" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 id="funnel-overall" className="mb-2 text-lg font-semibold">
          {t("admin:funnel.overall")}
        </h2>
        <FunnelChart rows={data.overall} />
        <StageTable rows={data.overall} caption={t("admin:funnel.overall")} />
        <p className="mt-2 text-sm text-slate-700">{t("admin:funnel.note")}</p>
      </section>
      {data.dimensions.map(({ dimension, groups }) => (
        <section key={dimension} aria-labelledby={`funnel-${dimension}`} className="rounded-lg bg-white p-4 shadow-sm">
          <h2 id={`funnel-${dimension}`} className="mb-2 text-lg font-semibold">
            {t(DIMENSION_KEYS[dimension])}
          </h2>
          <div className="grid gap-4 md:grid-cols-2">
            {groups.map((group) => (
              <StageTable key={group.group ?? "unknown"} rows={group.stages} caption={group.name ?? t("admin:funnel.unknown")} />
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}
