/**
 * Publishing from the editor: refused on the spot while the compiler reports errors; otherwise
 * the draft is saved first and that exact revision is published as version N+1.
 */
import { useCallback, useState } from "react";
import { publishRequest } from "./editor-api";

type Options = {
  flowId: string;
  errors: number;
  flush: () => Promise<number | null>;
  adoptRevision: (revision: number) => void;
  onRefused: (message: string) => void;
  onPublished: (version: number) => void;
};

export function usePublish({ flowId, errors, flush, adoptRevision, onRefused, onPublished }: Options) {
  const [publishing, setPublishing] = useState(false);
  const publish = useCallback(async () => {
    if (errors > 0) {
      onRefused(`Not published: fix the ${errors === 1 ? "error" : `${errors} errors`} listed under Problems first.`);
      return;
    }
    setPublishing(true);
    try {
      const revision = await flush();
      if (revision === null) {
        onRefused("Not published: the draft could not be saved. Check the save status and try again.");
        return;
      }
      const result = await publishRequest(flowId, revision);
      if (!result.ok) {
        onRefused(`Not published: ${result.message}`);
        return;
      }
      adoptRevision(result.data.revision);
      onPublished(result.data.number);
    } finally {
      setPublishing(false);
    }
  }, [flowId, errors, flush, adoptRevision, onRefused, onPublished]);
  return { publishing, publish };
}
