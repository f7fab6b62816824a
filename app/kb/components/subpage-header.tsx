import { Link } from "@remix-run/react";
import type { ComponentProps } from "react";
import { Icon } from "~/components/icons";
import { PageHeader } from "~/components/page";

/** The header of a page inside the knowledge base: a way back to the list above the usual page header. */
export function KbSubpageHeader(props: ComponentProps<typeof PageHeader>) {
  return (
    <div className="stack kb-page-top">
      <Link to="/kb" className="kb-back">
        <Icon name="back" size={15} />
        Knowledge base
      </Link>
      <PageHeader {...props} />
    </div>
  );
}
