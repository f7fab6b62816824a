/** The chat's branding for the components that show it (header, bot bubbles); client-safe. */
import { createContext, useContext } from "react";
import { DEFAULT_BRANDING, resolveBranding, type ChatBranding } from "~/branding/branding";

export const ChatBrandingContext = createContext<ChatBranding>(resolveBranding(DEFAULT_BRANDING));

export function useChatBranding(): ChatBranding {
  return useContext(ChatBrandingContext);
}
