/**
 * The settings page's live preview: the chat's header and a few bubbles painted with what the
 * lead is typing, through the same resolveBranding/contrast code the chat page uses.
 */
import type { CSSProperties } from "react";
import { avatarLetters, brandingStyle, type ChatBranding } from "../branding";

function PreviewAvatar({ branding, className }: { branding: ChatBranding; className: string }) {
  const letters = avatarLetters(branding);
  return (
    <span className={className} aria-hidden="true">
      {branding.avatarImage ? <img src={branding.avatarImage} alt="" /> : letters || "🤖"}
    </span>
  );
}

export function BrandingPreview({ branding }: { branding: ChatBranding }) {
  return (
    <figure className="brand-preview" style={brandingStyle(branding) as CSSProperties} aria-label="Preview of the customer's chat">
      <div className="brand-preview__header" data-testid="brand-preview-header">
        <PreviewAvatar branding={branding} className="brand-preview__header-avatar" />
        <div>
          <p className="brand-preview__title">{branding.chatTitle || "\u00a0"}</p>
          <p className="brand-preview__status">{branding.botName} · replies instantly</p>
        </div>
      </div>
      <div className="brand-preview__body">
        {branding.welcomeLine ? <p className="brand-preview__welcome">{branding.welcomeLine}</p> : null}
        <div className="brand-preview__row">
          <PreviewAvatar branding={branding} className="brand-preview__avatar" />
          <div>
            <p className="brand-preview__author">{branding.botName}</p>
            <p className="brand-preview__bubble brand-preview__bubble--bot">Hi! What can I help you with today?</p>
          </div>
        </div>
        <div className="brand-preview__row brand-preview__row--customer">
          <p className="brand-preview__bubble brand-preview__bubble--customer">Where is my order?</p>
        </div>
        <div className="brand-preview__row">
          <span className="brand-preview__avatar brand-preview__avatar--spacer" aria-hidden="true" />
          <p className="brand-preview__choice">Track my order</p>
        </div>
      </div>
    </figure>
  );
}
