import { useTranslation } from "react-i18next";

/** Reasons the server prepared as translation keys with values (see presentMessages). */
export function ReasonList({ messages, className = "" }: { messages: ReadonlyArray<{ key: string; values: Record<string, string | number>; nested?: string }>; className?: string }) {
  const { t } = useTranslation();
  if (messages.length === 0) return null;
  return (
    <ul className={`list-disc ps-5 text-sm text-slate-700 ${className}`}>
      {messages.map((message, index) => (
        <li key={`${message.key}-${index}`}>{t(message.key, message.nested ? { ...message.values, reason: t(message.nested) } : message.values)}</li>
      ))}
    </ul>
  );
}
