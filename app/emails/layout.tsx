import { renderToStaticMarkup } from "react-dom/server";
import type { TFunction } from "i18next";
import { textDirection } from "~/i18n/config";

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/**
 * An email with one call to action: the same words in the HTML and the plain-text part, laid out
 * for the recipient's script direction.
 */
export function actionEmail(
  t: TFunction,
  locale: string,
  content: { subject: string; greeting: string; body: string; action: string; url: string; footnote: string },
): RenderedEmail {
  const dir = textDirection(locale);
  const html =
    "<!doctype html>" +
    renderToStaticMarkup(
      <html lang={locale} dir={dir}>
        <head>
          <meta charSet="utf-8" />
          <title>{content.subject}</title>
        </head>
        <body style={{ fontFamily: "system-ui, sans-serif", lineHeight: 1.5, color: "#0f172a" }}>
          <p>{content.greeting}</p>
          <p>{content.body}</p>
          <p>
            <a href={content.url} style={{ background: "#0f4c81", color: "#ffffff", padding: "10px 16px", borderRadius: 6 }}>
              {content.action}
            </a>
          </p>
          <p style={{ fontSize: 13, color: "#475569" }}>{content.footnote}</p>
          <p style={{ fontSize: 13, color: "#475569" }}>{t("email:signature")}</p>
        </body>
      </html>,
    );
  const text = [content.greeting, "", content.body, "", `${content.action}: ${content.url}`, "", content.footnote, "", t("email:signature")].join("\n");
  return { subject: content.subject, html, text };
}
