import type { TFunction } from "i18next";
import { Resend } from "resend";
import type { RenderedEmail } from "~/emails/layout";
import { emailT } from "~/i18n/email-t.server";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";

export interface EmailRequest {
  to: string;
  userId?: string;
  /** Template name, for the outbox and the tests. */
  template: string;
  locale: string;
  content: RenderedEmail;
}

export type EmailResult =
  | { status: "outbox"; id: string }
  | { status: "sent"; id: string; providerMessageId: string }
  | { status: "failed"; id: string; error: string };

/**
 * The one way Harbor sends email. Every message is recorded; without RESEND_API_KEY the record
 * is the delivery (a local outbox admins and tests read). Provider failures are returned, never
 * thrown, so a failed email never breaks the action that caused it.
 */
export async function sendEmail(request: EmailRequest): Promise<EmailResult> {
  const { RESEND_API_KEY, EMAIL_FROM } = env();
  const message = await db.emailMessage.create({
    data: {
      toAddress: request.to,
      userId: request.userId ?? null,
      template: request.template,
      locale: request.locale,
      subject: request.content.subject,
      html: request.content.html,
      text: request.content.text,
      status: RESEND_API_KEY ? "failed" : "outbox",
    },
    select: { id: true },
  });
  if (!RESEND_API_KEY) return { status: "outbox", id: message.id };

  let outcome: { providerMessageId: string } | { error: string };
  try {
    const { data, error } = await new Resend(RESEND_API_KEY, { baseUrl: env().RESEND_BASE_URL }).emails.send({
      from: EMAIL_FROM,
      to: request.to,
      subject: request.content.subject,
      html: request.content.html,
      text: request.content.text,
    });
    outcome = data ? { providerMessageId: data.id } : { error: error?.message ?? "unknown provider error" };
  } catch (error) {
    outcome = { error: error instanceof Error ? error.message : String(error) };
  }

  if ("providerMessageId" in outcome) {
    await db.emailMessage.update({
      where: { id: message.id },
      data: { status: "sent", attempts: 1, sentAt: new Date(), providerMessageId: outcome.providerMessageId },
    });
    return { status: "sent", id: message.id, providerMessageId: outcome.providerMessageId };
  }
  await db.emailMessage.update({ where: { id: message.id }, data: { attempts: 1, lastError: outcome.error.slice(0, 500) } });
  return { status: "failed", id: message.id, error: outcome.error };
}

/** Who an email is for: enough to address it and write it in their language. */
export interface Recipient {
  id: string;
  email: string | null;
  displayName: string;
  locale: string;
}

export const recipientSelect = { id: true, email: true, displayName: true, locale: true } as const;

/**
 * Sends a person one email in their own language: `render` gets that language's t(), the language
 * and the person's name. Nothing happens for someone without an address (a phone-only candidate).
 */
export async function emailPerson(
  person: Recipient | null | undefined,
  template: string,
  render: (t: TFunction, locale: string, name: string) => RenderedEmail,
): Promise<EmailResult | null> {
  if (!person?.email) return null;
  const t = await emailT(person.locale);
  return sendEmail({ to: person.email, userId: person.id, template, locale: person.locale, content: render(t, person.locale, person.displayName) });
}

export async function listOutbox({ take = 50 }: { take?: number } = {}) {
  return db.emailMessage.findMany({
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, toAddress: true, template: true, locale: true, subject: true, text: true, status: true, createdAt: true, lastError: true },
  });
}
