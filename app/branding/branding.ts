/**
 * What the customer sees of the company in the chat: the bot's name and avatar, the accent colour
 * (with a text colour that reads on it, see contrast.ts), the chat's title and a welcome line.
 * The workspace sets them; a flow's settings may override the texts and the colour. Client-safe:
 * the settings page's live preview resolves the same way the chat page does.
 */
import { z } from "zod";
import type { FlowBranding } from "~/flow/document";
import { accentColours, normaliseHex, type AccentColours } from "./contrast";

export type WorkspaceBrandingValues = {
  botName: string;
  avatarText: string;
  avatarImage: string | null;
  accentColor: string;
  chatTitle: string;
  welcomeLine: string;
};

export type ChatBranding = Omit<WorkspaceBrandingValues, "accentColor"> & { accent: AccentColours };

/** What a fresh workspace shows: a neutral title, never a flow's internal name. */
export const DEFAULT_BRANDING: WorkspaceBrandingValues = {
  botName: "Assistant",
  avatarText: "",
  avatarImage: null,
  accentColor: "#4f46e5",
  chatTitle: "Chat with us",
  welcomeLine: "",
};

export function resolveBranding(workspace: WorkspaceBrandingValues, flow?: FlowBranding | null): ChatBranding {
  const { accentColor, ...rest } = workspace;
  return {
    ...rest,
    botName: flow?.botName ?? workspace.botName,
    chatTitle: flow?.chatTitle ?? workspace.chatTitle,
    welcomeLine: flow?.welcomeLine ?? workspace.welcomeLine,
    accent: accentColours(flow?.accentColor ?? accentColor),
  };
}

/** The avatar's letters: what the lead typed (initials or an emoji), else the bot name's initial. */
export function avatarLetters(branding: Pick<ChatBranding, "avatarText" | "botName">): string {
  return branding.avatarText.trim() || (branding.botName.trim()[0] ?? "").toUpperCase();
}

/** CSS custom properties the chat's stylesheet reads (chat.css: --chat-accent, --chat-on-accent). */
export function brandingStyle(branding: ChatBranding): Record<string, string> {
  return { "--chat-accent": branding.accent.background, "--chat-on-accent": branding.accent.text, "--chat-accent-ink": branding.accent.ink };
}

// A grapheme count would be exact; 8 UTF-16 units fit two initials or one emoji with modifiers.
export const AvatarTextSchema = z.string().trim().max(8, "Use up to two letters or one emoji");

export const BrandingFormSchema = z.object({
  botName: z.string().trim().min(1, "Give the bot a name").max(40),
  avatarText: AvatarTextSchema,
  accentColor: z
    .string()
    .trim()
    .transform((value, ctx) => normaliseHex(value) ?? (ctx.addIssue({ code: "custom", message: "Use a colour like #4f46e5" }), z.NEVER)),
  chatTitle: z.string().trim().min(1, "Give the chat a title").max(60),
  welcomeLine: z.string().trim().max(200),
  removeImage: z.literal("on").optional(),
});
export type BrandingForm = z.infer<typeof BrandingFormSchema>;
