import type { CompileContext, NodeIssue, StateConfig } from "../types";
import { parseJsonPath } from "./json-path";
import { buildHttpRequest, listRequestFields } from "./request";
import type { HttpCallInput } from "./result";
import type { HttpData } from "./schema";

/** The actor runs the request; either way the conversation moves on (a failure never stalls it). */
export function compileHttp(node: { id: string; data: HttpData }, ctx: CompileContext): StateConfig {
  const { id: nodeId, data } = node;
  const record = { type: "http.record", params: { nodeId, method: data.method } };
  return {
    invoke: {
      src: "callHttp",
      input: ({ context }): HttpCallInput => ({ nodeId, data, fields: context.fields }),
      onDone: [
        { guard: { type: "http.succeeded", params: { nodeId, method: data.method } }, target: ctx.out("ok"), actions: [record] },
        { target: ctx.out("failed"), actions: [record] },
      ],
      onError: [{ target: ctx.out("failed"), actions: [record] }],
    },
  };
}

/** Sample values let the URL and the body be checked before any conversation fills them. */
function sampleFields(data: HttpData): Record<string, string> {
  return Object.fromEntries(listRequestFields(data).map(({ name }) => [name, "1"]));
}

export function diagnoseHttp(data: HttpData): NodeIssue[] {
  const issues: NodeIssue[] = [];
  if (!data.url.trim()) {
    issues.push({ severity: "error", code: "missing-url", field: "url", message: "Enter the address to call, e.g. https://api.example.com/orders/{{order_id}}." });
  } else {
    const built = buildHttpRequest(data, sampleFields(data));
    if (!built.ok && built.error !== "missing_field") {
      issues.push({ severity: "error", code: built.error === "bad_body" ? "invalid-body" : "invalid-url", field: built.error === "bad_body" ? "body" : "url", message: `${built.detail[0].toUpperCase()}${built.detail.slice(1)}.` });
    } else if (built.ok && built.request.url.protocol === "http:" && !/^(localhost|127\.|\[::1\])/.test(built.request.url.host)) {
      issues.push({ severity: "warning", code: "insecure-url", field: "url", message: "This address is not https: what the bot sends can be read on the way." });
    }
  }
  if (data.body?.trim() && (data.method === "GET" || data.method === "DELETE")) {
    issues.push({ severity: "warning", code: "ignored-body", field: "body", message: `A ${data.method} request is sent without a body: choose POST, PUT or PATCH to send it.` });
  }
  const seen = new Set<string>();
  data.map.forEach((mapping, index) => {
    const path = parseJsonPath(mapping.path);
    if (!path.ok) issues.push({ severity: "error", code: "invalid-path", field: `map.${index}.path`, message: `${path.error}.` });
    if (seen.has(mapping.field)) issues.push({ severity: "error", code: "duplicate-field", field: `map.${index}.field`, message: `{{${mapping.field}}} is saved twice: give each value its own name.` });
    seen.add(mapping.field);
  });
  return issues;
}
