// The dashboard's list tables: a scrolling wrapper, one header row of column names, and an optional
// last column of row actions whose header only screen readers hear. Rows are the caller's `<tr>`s.
import type { ReactNode } from "react";

export function DataTable({
  columns,
  actions = false,
  children,
}: {
  columns: string[];
  actions?: boolean;
  children: ReactNode;
}) {
  return (
    // Focusable: on a phone a wide table scrolls sideways in here, and the keyboard must reach it.
    <div className="table-wrap" tabIndex={0}>
      <table className="table">
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
            {actions && (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
