import { describe, expect, it } from "vitest";
import { isAbortError } from "~/utils/abort-error";

describe("isAbortError", () => {
  it("recognises the shapes a cancelled fetch takes in the browsers", () => {
    expect(isAbortError(new DOMException("BodyStreamBuffer was aborted", "AbortError"))).toBe(true);
    expect(isAbortError(new DOMException("signal is aborted without reason", "AbortError"))).toBe(true);
    expect(isAbortError(Object.assign(new Error("The operation was aborted."), { name: "AbortError" }))).toBe(true);
    expect(isAbortError(new TypeError("Failed to fetch"))).toBe(true);
    expect(isAbortError(new TypeError("NetworkError when attempting to fetch resource."))).toBe(true);
    expect(isAbortError(new TypeError("Load failed"))).toBe(true);
    expect(isAbortError(new TypeError("network error"))).toBe(true);
  });

  it("leaves real failures alone: server errors, other TypeErrors, other DOMExceptions, thrown responses and non-errors", () => {
    expect(isAbortError(new Error("Unexpected Server Error"))).toBe(false);
    expect(isAbortError(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
    // A data response read whole that still cannot be decoded (a proxy's HTML page) is a real failure.
    expect(isAbortError(new Error("Unable to decode turbo-stream response from URL: http://localhost/inbox.data"))).toBe(false);
    expect(isAbortError(new DOMException("The quota has been exceeded.", "QuotaExceededError"))).toBe(false);
    expect(isAbortError(new Response(null, { status: 500 }))).toBe(false);
    expect(isAbortError({ name: "AbortError", message: "looks like one" })).toBe(false);
    expect(isAbortError("Failed to fetch")).toBe(false);
    expect(isAbortError(null)).toBe(false);
  });
});
