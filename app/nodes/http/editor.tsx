import { useId } from "react";
import { FieldNote, SelectField, toIdentifier, type Option } from "../shared/editor/fields";
import { KindIcon } from "../shared/editor/kind-icon";
import { Unset } from "../shared/editor/unset";
import { TemplateField } from "../shared/editor/template-field";
import type { SettingsProps } from "../shared/editor/types";
import { HTTP_METHODS, MAX_TIMEOUT_MS, type HttpData, type HttpMethod } from "./schema";

const METHOD_OPTIONS: Array<Option<HttpMethod>> = HTTP_METHODS.map((method) => ({ value: method, label: method === "GET" ? "GET — read something" : method === "POST" ? "POST — send something" : method }));
const TIMEOUT_OPTIONS = [1, 2, 3, 5, 8, 10, MAX_TIMEOUT_MS / 1000].map((seconds) => ({ value: String(seconds * 1000), label: `${seconds} second${seconds === 1 ? "" : "s"}` }));
const SENDS_BODY = new Set<HttpMethod>(["POST", "PUT", "PATCH"]);

export const HttpIcon = () => <KindIcon><><path d="M9 7V3M15 7V3" /><path d="M6 7h12v4a6 6 0 0 1-12 0z" /><path d="M12 17v4" /></></KindIcon>;

function shortUrl(url: string): string {
  return url.replace(/^https?:\/\//, "");
}

export const HttpSummary = ({ data }: { data: HttpData }) => (
  <>
    <p className="node-text">
      {data.url.trim() ? (
        <>
          <strong>{data.method}</strong> {shortUrl(data.url)}
        </>
      ) : (
        <Unset>No address yet</Unset>
      )}
    </p>
    {data.map.length > 0 ? (
      <p className="node-meta">
        Saves {data.map.map((mapping, index) => <code key={index}>{`{{${mapping.field}}}`} </code>)}
      </p>
    ) : null}
  </>
);

function HeaderRows({ data, onChange }: SettingsProps<HttpData>) {
  const id = useId();
  const rows = Object.entries(data.headers);
  const setRows = (next: Array<[string, string]>) => onChange({ ...data, headers: Object.fromEntries(next) });
  return (
    <fieldset className="field kv-rows" aria-describedby={`${id}-hint`}>
      <legend className="label">Headers</legend>
      {rows.map(([name, value], index) => (
        <div className="kv-row" key={index}>
          <input className="input" aria-label={`Header ${index + 1} name`} value={name} spellCheck={false} onChange={(event) => setRows(rows.map((row, at) => (at === index ? [event.target.value.trim(), row[1]] : row)))} />
          <input className="input" aria-label={`Header ${index + 1} value`} value={value} spellCheck={false} onChange={(event) => setRows(rows.map((row, at) => (at === index ? [row[0], event.target.value] : row)))} />
          <button type="button" className="btn btn-ghost btn-sm btn-ghost-danger" aria-label={`Remove header ${name}`} onClick={() => setRows(rows.filter((_, at) => at !== index))}>
            ✕
          </button>
        </div>
      ))}
      <button type="button" className="btn btn-secondary btn-sm" onClick={() => setRows([...rows, [`X-Header-${rows.length + 1}`, ""]])}>
        Add header
      </button>
      <FieldNote id={id} hint="Values may use details like {{email}}. API keys belong in a credential, not here." />
    </fieldset>
  );
}

function MappingRows({ data, onChange, context }: SettingsProps<HttpData>) {
  const id = useId();
  const setMap = (map: HttpData["map"]) => onChange({ ...data, map });
  const update = (index: number, patch: Partial<HttpData["map"][number]>) => setMap(data.map.map((mapping, at) => (at === index ? { ...mapping, ...patch } : mapping)));
  return (
    <fieldset className="field kv-rows" aria-describedby={`${id}-hint`}>
      <legend className="label">Save from the answer</legend>
      {data.map.map((mapping, index) => {
        const problem = context.problem(`map.${index}.path`) ?? context.problem(`map.${index}.field`);
        return (
          <div key={index}>
            <div className="kv-row kv-row-mapping">
              <input className="input" aria-label={`Value ${index + 1} path in the answer`} value={mapping.path} spellCheck={false} placeholder="$.order.status" onChange={(event) => update(index, { path: event.target.value })} />
              <span aria-hidden="true">→</span>
              <input className="input" aria-label={`Value ${index + 1} saved as`} value={mapping.field} spellCheck={false} placeholder="order_status" onChange={(event) => update(index, { field: toIdentifier(event.target.value) })} />
              <button type="button" className="btn btn-ghost btn-sm btn-ghost-danger" aria-label={`Remove value ${mapping.field}`} onClick={() => setMap(data.map.filter((_, at) => at !== index))}>
                ✕
              </button>
            </div>
            <label className="checkbox kv-required">
              <input type="checkbox" checked={mapping.required} onChange={(event) => update(index, { required: event.target.checked })} />
              Required (take “Failed” when the answer does not have it)
            </label>
            {problem ? <p className={problem.severity === "error" ? "field-error" : "field-warning"}>{problem.message}</p> : null}
          </div>
        );
      })}
      <button type="button" className="btn btn-secondary btn-sm" onClick={() => setMap([...data.map, { path: "$.", field: `value_${data.map.length + 1}`, required: true }])}>
        Add a value to save
      </button>
      <FieldNote id={id} hint="Where the value is in the JSON answer ($.order.status, $.items[0].name) and the detail it becomes." />
    </fieldset>
  );
}

export function HttpSettings(props: SettingsProps<HttpData>) {
  const { data, onChange, context } = props;
  const credentialOptions: Array<Option<string>> = [{ value: "", label: "None" }, ...[...new Set([...context.credentials, ...(data.credential ? [data.credential] : [])])].map((name) => ({ value: name, label: name }))];
  return (
    <>
      <SelectField label="Method" value={data.method} options={METHOD_OPTIONS} onChange={(method) => onChange({ ...data, method })} problem={context.problem("method")} />
      <TemplateField
        label="Address (URL)"
        hint="Details you insert are encoded safely. The host must be on the allowed list (API connections)."
        value={data.url}
        onChange={(url) => onChange({ ...data, url: url.replace(/\s*\n\s*/g, "") })}
        problem={context.problem("url")}
        fields={context.fields}
        placeholder="https://api.example.com/orders/{{order_id}}"
        maxLength={2000}
        rows={2}
      />
      <SelectField
        label="API key"
        hint={context.credentials.length === 0 ? "Add API keys on the API connections page; they never appear in the flow." : "Sent as a bearer token unless the key's settings say otherwise."}
        value={data.credential ?? ""}
        options={credentialOptions}
        onChange={(credential) => {
          const { credential: _previous, ...rest } = data;
          onChange(credential ? { ...rest, credential } : rest);
        }}
        problem={context.problem("credential")}
      />
      <HeaderRows {...props} />
      {SENDS_BODY.has(data.method) || data.body ? (
        <TemplateField
          label="Body (JSON)"
          hint={'Details inside quotes are escaped ("id": "{{order_id}}"); outside quotes they become JSON values.'}
          value={data.body ?? ""}
          onChange={(body) => {
            const { body: _previous, ...rest } = data;
            onChange(body.trim() ? { ...rest, body } : rest);
          }}
          problem={context.problem("body")}
          fields={context.fields}
          placeholder={'{ "email": "{{email}}" }'}
          rows={5}
          maxLength={20_000}
        />
      ) : null}
      <SelectField
        label="Give up after"
        hint="Then the conversation takes the “Failed” output."
        value={String(data.timeoutMs)}
        options={TIMEOUT_OPTIONS.some((option) => option.value === String(data.timeoutMs)) ? TIMEOUT_OPTIONS : [...TIMEOUT_OPTIONS, { value: String(data.timeoutMs), label: `${data.timeoutMs / 1000} seconds` }]}
        onChange={(timeoutMs) => onChange({ ...data, timeoutMs: Number(timeoutMs) })}
        problem={context.problem("timeoutMs")}
      />
      <MappingRows {...props} />
    </>
  );
}
