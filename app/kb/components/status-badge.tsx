export function StatusBadge({ status }: { status: "published" | "draft" }) {
  return status === "published" ? <span className="badge badge-success">Published</span> : <span className="badge badge-draft">Draft</span>;
}
