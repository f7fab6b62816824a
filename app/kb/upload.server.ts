/**
 * Articles uploaded from the admin page (a picked folder or several files) → the importer's
 * SourceFile list. The body is read with a hard size cap before it is parsed, so an oversized
 * upload is refused without being held in memory. Files that are neither .md nor .csv (a
 * folder's images, .DS_Store) are skipped and named; a file that is too large or not UTF-8 is
 * a problem like any other, so the import stays all-or-nothing.
 */
import { readCapped } from "~/runtime/api/body.server";
import { IMPORTABLE_FILE, type SourceFile } from "./import.server";

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_FILES = 1_000;

export type UploadedFiles = { ok: true; files: SourceFile[]; skipped: string[] } | { ok: false; message: string };

const megabytes = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

/**
 * Reads the `files` of a multipart request. The browser sends only base names; the page's script
 * adds each file's path inside the picked folder as `paths` (same order), used in messages.
 */
export async function readUploadedFiles(request: Request): Promise<UploadedFiles> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.startsWith("multipart/form-data")) return { ok: false, message: "Choose a folder of Markdown files or a CSV file to import." };
  const body = await readCapped(request, MAX_UPLOAD_BYTES);
  if (!body) return { ok: false, message: `The upload is larger than ${megabytes(MAX_UPLOAD_BYTES)}. Import the articles in smaller batches.` };
  let form: FormData;
  try {
    form = await new Response(new Blob([new Uint8Array(body)]), { headers: { "content-type": contentType } }).formData();
  } catch {
    return { ok: false, message: "The upload could not be read. Choose the files again and retry." };
  }
  const uploads = form.getAll("files").filter((value): value is File => typeof value !== "string" && value.name !== "");
  const paths = form.getAll("paths").map(String);
  const named = uploads.map((file, index) => ({ file, name: paths.length === uploads.length && paths[index] ? paths[index] : file.name }));
  const importable = named.filter(({ name }) => IMPORTABLE_FILE.test(name));
  const skipped = named.filter(({ name }) => !IMPORTABLE_FILE.test(name)).map(({ name }) => name);
  if (importable.length === 0) {
    return { ok: false, message: uploads.length === 0 ? "Choose a folder of Markdown files or a CSV file to import." : "None of the chosen files is a .md or .csv file." };
  }
  if (importable.length > MAX_FILES) return { ok: false, message: `At most ${MAX_FILES.toLocaleString("en-US")} files at once; this upload has ${importable.length.toLocaleString("en-US")}.` };
  const files = await Promise.all(importable.map(({ file, name }) => readSourceFile(file, name)));
  return { ok: true, files, skipped };
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

async function readSourceFile(file: File, name: string): Promise<SourceFile> {
  if (file.size > MAX_FILE_BYTES) return { name, unreadable: `the file is larger than ${megabytes(MAX_FILE_BYTES)}` };
  try {
    return { name, text: utf8.decode(await file.arrayBuffer()) };
  } catch {
    return { name, unreadable: "the file is not UTF-8 text: save it as UTF-8 (in most editors: Save as… → Encoding: UTF-8) and import again" };
  }
}
