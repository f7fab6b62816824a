import { MESSAGE_MAX_LENGTH } from "./send-queue";

// The counter appears this close to the limit, so a long message does not surprise the customer at the end.
const COUNTER_FROM = 3000;

export type MessageLength = {
  /** Characters the message would send: the text without its surrounding blanks, as the chat sends it (use-chat.ts). */
  length: number;
  showCounter: boolean;
  /** Over the limit: the text stays in the box as typed, and cannot be sent until it fits. */
  tooLong: boolean;
};

/** How the composer's text measures against the message limit the server enforces too. */
export function measureMessage(text: string): MessageLength {
  const length = text.trim().length;
  return { length, showCounter: length >= COUNTER_FROM, tooLong: length > MESSAGE_MAX_LENGTH };
}

/** The customer's own words about a message over the limit: "Your message is 9,512 characters; the limit is 4,000. …". */
export function describeTooLong(length: number, locale: string, tooLong: (length: string, limit: string) => string): string {
  const format = new Intl.NumberFormat(locale);
  return tooLong(format.format(length), format.format(MESSAGE_MAX_LENGTH));
}
