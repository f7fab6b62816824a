/**
 * Help articles and intents for the engine tests, modelled on the ABCD agent guidelines of an
 * online clothing store (../shared/data/abcd/guidelines.json): refunds, shipping, account access,
 * subscriptions, promo codes.
 */
import { KnowledgeIndex, type KnowledgeArticle } from "~/engines/local/knowledge-index";
import type { IntentDefinition } from "~/engines/types";

export const ARTICLES: KnowledgeArticle[] = [
  {
    id: "refunds",
    slug: "refunds-and-returns",
    title: "Refunds and returns",
    tags: ["billing", "orders"],
    body: `# Refunds and returns

You can return any item within 30 days of delivery for a full refund.

## How to start a refund
Open **Your orders**, choose the item and click *Return item*. We need your **order ID** and the email address on the account.

## Refund methods
Refunds go back to the original credit card. You can also choose a gift card, added value on your account, or a paper check mailed to your address.`,
  },
  {
    id: "shipping",
    slug: "shipping-times",
    title: "Shipping times and tracking",
    tags: ["shipping", "orders"],
    body: `Standard shipping takes 3 to 5 business days. Express shipping arrives the next business day.

Every order confirmation email contains a tracking link. If the tracking has not moved for 3 days, contact us and we will open an investigation with the carrier.`,
  },
  {
    id: "password",
    slug: "reset-password",
    title: "Reset your password",
    tags: ["account"],
    body: `If you forgot your password, click *Forgot password* on the sign-in page and enter your username or email.

We send a reset link that stays valid for one hour. If the email does not arrive, check your spam folder.`,
  },
  {
    id: "subscription",
    slug: "premium-membership",
    title: "Premium membership",
    tags: ["billing", "account"],
    body: `Premium members get free express shipping and early access to sales.

The membership fee is charged every year on the day you joined. You can cancel the membership at any time from your profile; the fee is not prorated.`,
  },
  {
    id: "promo",
    slug: "promo-codes",
    title: "Promo codes not working",
    tags: ["billing"],
    body: `Promo codes are valid for 7 days and apply to full-price items only.

If a code is rejected at checkout, check its expiry date and that your cart holds no sale items. Expired codes cannot be extended.`,
  },
];

export function buildFixtureIndex(articles: KnowledgeArticle[] = ARTICLES): KnowledgeIndex {
  const index = new KnowledgeIndex();
  for (const article of articles) index.upsert(article);
  return index;
}

export const STORE_INTENTS: IntentDefinition[] = [
  {
    name: "refund",
    examples: ["I want my money back", "refund my order", "can I get a refund", "return an item for a refund", "how do I return this shirt", "I'd like to send these jeans back"],
  },
  {
    name: "track_order",
    examples: ["where is my package", "track my order", "my parcel has not arrived", "when will my order be delivered", "the delivery is late", "shipping status of my order"],
  },
  {
    name: "reset_password",
    examples: ["I forgot my password", "reset password", "I can't log in", "locked out of my account", "how do I change my password", "sign in does not work"],
  },
  {
    name: "cancel_membership",
    examples: ["cancel my premium membership", "stop my subscription", "I don't want premium anymore", "end my membership", "how do I unsubscribe from premium", "cancel the yearly fee"],
  },
];
