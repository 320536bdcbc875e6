// A table's header row: one column heading each, and, when the rows end in buttons, a last
// column named for screen readers only.

export function TableHead({ columns, actions }: { columns: readonly string[]; actions?: string }) {
  return (
    <thead>
      <tr>
        {columns.map((column) => (
          <th key={column} scope="col">
            {column}
          </th>
        ))}
        {actions === undefined ? null : (
          <th scope="col">
            <span className="visually-hidden">{actions}</span>
          </th>
        )}
      </tr>
    </thead>
  );
}
