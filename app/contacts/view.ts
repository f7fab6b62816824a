/** Shapes the contact surfaces render (client-safe). */
export type ContactConversation = {
  id: string;
  createdAt: string;
  status: string;
  canOpen: boolean;
  intent: string | null;
  summary: string | null;
  team: string | null;
  flow: string | null;
};

export type ContactPage = {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  createdAt: string;
  conversations: ContactConversation[];
};
