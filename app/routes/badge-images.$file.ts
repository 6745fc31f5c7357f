import type { LoaderFunctionArgs } from "@remix-run/node";
import { badgeLevelKey } from "~/domain/badges/assessment";
import { badgeSvg } from "~/domain/badges/badge-image";
import { isSupportedLanguage, textDirection } from "~/i18n/config";
import { i18next } from "~/i18n/i18next.server";
import { findBadge } from "~/models/badges.server";

/** A badge's picture, `/badge-images/<slug>.svg?lng=xx`, in that language (right to left where it reads so). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = /^([a-z0-9-]{1,60})\.svg$/.exec(params.file ?? "")?.[1];
  const asked = new URL(request.url).searchParams.get("lng") ?? "en";
  const language = isSupportedLanguage(asked) ? asked : "en";
  const badge = slug ? await findBadge(slug, language) : null;
  if (!badge) throw new Response("Not found", { status: 404 });
  const t = await i18next.getFixedT(badge.language, "badges");
  const svg = badgeSvg({ name: badge.name, level: t(badgeLevelKey(badge.level)), direction: textDirection(badge.language), lang: badge.language });
  return new Response(svg, {
    headers: { "Content-Type": "image/svg+xml; charset=utf-8", "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'", "Access-Control-Allow-Origin": "*", "Cache-Control": "public, max-age=3600" },
  });
}
