/**
 * The editor's calls to its resource routes (app/routes/flows.$id.*.ts). Every call says what
 * happened in words the save indicator can show; none throws for an HTTP answer.
 */
import type { FlowDocument } from "~/flow/document";
import { parseMessages } from "~/chat/chat-api";
import type { ChatMessage, ChatStatus } from "~/chat/types";
import type { PreviewState } from "~/flow-admin/preview-state";

export type ApiProblem = { message: string; nodeId?: string; field?: string; severity?: "error" | "warning" };

export type ApiResult<T> = { ok: true; data: T } | { ok: false; status: number; message: string; body: Record<string, unknown> | null };

const OFFLINE = "the server can't be reached (kept in this browser, retrying).";

async function call<T>(url: string, init?: RequestInit): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: { ...(init?.body ? { "Content-Type": "application/json" } : {}), ...init?.headers }, cache: "no-store" });
  } catch {
    return { ok: false, status: 0, message: OFFLINE, body: null };
  }
  const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  if (response.ok && body) return { ok: true, data: body as T };
  const error = body?.error as { message?: unknown } | undefined;
  const message = typeof error?.message === "string" ? error.message : response.status === 403 ? "you are no longer signed in as an admin." : `the server answered ${response.status}.`;
  return { ok: false, status: response.status, message, body };
}

const post = (body: unknown) => ({ method: "POST", body: JSON.stringify(body) }) satisfies RequestInit;

/** `keepalive` lets a save started while the page goes away finish (browsers cap such bodies at 64 KB). */
export function saveDraftRequest(flowId: string, baseRevision: number, document: FlowDocument, options: { keepalive?: boolean } = {}) {
  return call<{ revision: number; unpublishedChanges: boolean }>(`/flows/${flowId}/draft`, { ...post({ baseRevision, document }), keepalive: options.keepalive });
}

export function draftRequest(flowId: string) {
  return call<{ document: FlowDocument; revision: number }>(`/flows/${flowId}/draft`);
}

export function publishRequest(flowId: string, baseRevision: number) {
  return call<{ number: number; revision: number; warnings: ApiProblem[] }>(`/flows/${flowId}/publish`, post({ baseRevision }));
}

export type VersionSummary = { id: string; number: number; publishedAt: string; publishedBy: string | null; current: boolean; matchesDraft: boolean };

export function listVersionsRequest(flowId: string) {
  return call<{ versions: VersionSummary[] }>(`/flows/${flowId}/versions`);
}

export function versionDocumentRequest(flowId: string, versionId: string) {
  return call<{ document: FlowDocument }>(`/flows/${flowId}/versions/${versionId}`);
}

export type StartedPreview = { conversationId: string; token: string; status: ChatStatus; messages: ChatMessage[] };

export async function startPreviewRequest(flowId: string, document: FlowDocument, previousConversationId?: string): Promise<ApiResult<StartedPreview>> {
  const result = await call<Record<string, unknown>>(`/flows/${flowId}/preview`, post({ document, previousConversationId }));
  if (!result.ok) return result;
  const { conversationId, token, status } = result.data;
  return { ok: true, data: { conversationId: String(conversationId), token: String(token), status: status as ChatStatus, messages: parseMessages(result.data.messages) } };
}

export function previewStateRequest(flowId: string, conversationId: string) {
  return call<PreviewState>(`/flows/${flowId}/preview/${conversationId}`);
}

/** The flow's per-node funnel for the analytics overlay (validated by the caller). */
export function nodeFunnelRequest(flowId: string, range: string, signal: AbortSignal) {
  return call<unknown>(`/api/analytics/flows/${encodeURIComponent(flowId)}/nodes?range=${encodeURIComponent(range)}`, { signal });
}
