/** The header and error banner both cards of the teams page share. */
import { FormError } from "~/components/form";

export function CardHeader({ id, title, description, badge }: { id: string; title: string; description: string; badge: string }) {
  return (
    <div className="card-header">
      <div>
        <h2 id={id}>{title}</h2>
        <p>{description}</p>
      </div>
      <span className="badge">{badge}</span>
    </div>
  );
}

export function CardAlert({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <div className="card-alert">
      <FormError message={message} />
    </div>
  );
}
