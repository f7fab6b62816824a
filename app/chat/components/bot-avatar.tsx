import { avatarLetters } from "~/branding/branding";
import { useChatBranding } from "../chat-branding";
import { BotIcon } from "./message-bubble";

/** The bot's face: the uploaded image, else the letters or emoji the lead chose, else the robot icon. */
export function BotAvatar() {
  const branding = useChatBranding();
  if (branding.avatarImage) return <img className="chat-brand-avatar-image" src={branding.avatarImage} alt="" />;
  const letters = avatarLetters(branding);
  return letters ? <>{letters}</> : <BotIcon />;
}
