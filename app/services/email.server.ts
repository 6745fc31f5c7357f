import type { TFunction } from "i18next";
import { Resend } from "resend";
import type { RenderedEmail } from "~/emails/layout";
import { categoryOf } from "~/domain/notifications/categories";
import type { AttemptOutcome } from "~/domain/placements/delivery";
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
  const { RESEND_API_KEY } = env();
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
  const outcome = await attemptDelivery(message.id);
  if ("providerMessageId" in outcome) return { status: "sent", id: message.id, providerMessageId: outcome.providerMessageId };
  // A provider failure is retried by the outbox worker, with backoff, and shown to admins.
  await db.outboxEntry.create({ data: { kind: "email", orderKey: `email:${message.id}`, idempotencyKey: message.id, payload: "" } });
  return { status: "failed", id: message.id, error: outcome.error };
}

/** One attempt to hand a recorded email to the provider; the record says how it went. */
async function attemptDelivery(messageId: string): Promise<{ providerMessageId: string } | { error: string }> {
  const { RESEND_API_KEY, EMAIL_FROM, RESEND_BASE_URL } = env();
  const message = await db.emailMessage.findUniqueOrThrow({ where: { id: messageId }, select: { toAddress: true, subject: true, html: true, text: true, status: true, providerMessageId: true } });
  if (message.status === "sent") return { providerMessageId: message.providerMessageId ?? "" };
  let outcome: { providerMessageId: string } | { error: string };
  try {
    const { data, error } = await new Resend(RESEND_API_KEY, { baseUrl: RESEND_BASE_URL }).emails.send({ from: EMAIL_FROM, to: message.toAddress, subject: message.subject, html: message.html, text: message.text });
    outcome = data ? { providerMessageId: data.id } : { error: error?.message ?? "unknown provider error" };
  } catch (error) {
    outcome = { error: error instanceof Error ? error.message : String(error) };
  }
  await db.emailMessage.update({
    where: { id: messageId },
    data: "providerMessageId" in outcome ? { status: "sent", attempts: { increment: 1 }, sentAt: new Date(), providerMessageId: outcome.providerMessageId, lastError: null } : { attempts: { increment: 1 }, lastError: outcome.error.slice(0, 500) },
  });
  return outcome;
}

/** The outbox worker's retry of a failed email: delivered, or a retryable failure with the provider's error. */
export async function redeliverEmail(messageId: string): Promise<AttemptOutcome> {
  const outcome = await attemptDelivery(messageId);
  return "providerMessageId" in outcome ? { kind: "response", status: 200, retryAfter: null, body: "" } : { kind: "response", status: 503, retryAfter: null, body: outcome.error };
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
 * Tells a person about an event, in their own language: a line in their in-app inbox (always),
 * and the email `render` writes (with that language's t(), the language and their name) unless
 * they switched email off for this kind or `options.email` is false (a candidate who did not agree
 * to be contacted by email). `link` is the path in Harbor where they act.
 */
export async function notifyPerson(
  person: Recipient | null | undefined,
  kind: string,
  link: string,
  render: (t: TFunction, locale: string, name: string) => RenderedEmail,
  options: { email?: boolean } = {},
): Promise<EmailResult | null> {
  if (!person) return null;
  const t = await emailT(person.locale);
  const content = render(t, person.locale, person.displayName);
  await db.notification.create({ data: { userId: person.id, kind, title: content.subject, link } });
  const category = categoryOf(kind);
  const preference = category ? await db.notificationPreference.findUnique({ where: { userId_category: { userId: person.id, category } }, select: { email: true } }) : null;
  if (!person.email || options.email === false || preference?.email === false) return null;
  return sendEmail({ to: person.email, userId: person.id, template: kind, locale: person.locale, content });
}

export async function listOutbox({ take = 50 }: { take?: number } = {}) {
  return db.emailMessage.findMany({
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, toAddress: true, template: true, locale: true, subject: true, text: true, status: true, createdAt: true, lastError: true },
  });
}
