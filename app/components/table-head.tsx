/** A table's header row: numeric columns align right, a hidden label stays readable to screen readers. */
export type Column = { label: string; numeric?: boolean; hidden?: boolean; className?: string };

export function TableHead({ columns }: { columns: Column[] }) {
  return (
    <thead>
      <tr>
        {columns.map((column) => (
          <th key={column.label} scope="col" className={[column.numeric ? "numeric" : "", column.className ?? ""].join(" ").trim() || undefined}>
            {column.hidden ? <span className="visually-hidden">{column.label}</span> : column.label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
