import { Link } from "@remix-run/react";
import { Icon } from "~/components/icons";

export function BackToKnowledgeBase() {
  return (
    <Link to="/kb" className="kb-back">
      <Icon name="back" size={15} />
      Knowledge base
    </Link>
  );
}
