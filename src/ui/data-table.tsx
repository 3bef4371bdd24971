import type { ReactNode } from 'react';
import { Table } from '@digdir/designsystemet-react';

/** A column's heading. A `numeric` column is aligned to the right (class `num`). */
export interface Column {
  label: ReactNode;
  numeric?: boolean;
  /** React's key, where the label is not a fixed text (columns made from data). */
  key?: string;
}

/** A table's column headings, in one header row. */
export function ColumnHeads({ columns }: { columns: readonly Column[] }) {
  return (
    <thead>
      <tr>
        {columns.map((c, i) => (
          <th key={c.key ?? i} scope="col" className={c.numeric ? 'num' : undefined}>
            {c.label}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/**
 * A data table as the screens show one: in a box that scrolls sideways on a narrow screen, with
 * its caption (`hideCaption` when a heading right above says the same) and column headings.
 * `children` are the body's rows.
 */
export function DataTable({
  caption,
  hideCaption = false,
  columns,
  className,
  size,
  children,
}: {
  caption: ReactNode;
  hideCaption?: boolean;
  columns: readonly Column[];
  className?: string;
  size?: 'sm';
  children: ReactNode;
}) {
  return (
    <div className="table-scroll">
      <Table className={className} {...(size ? { 'data-size': size } : {})}>
        <caption className={hideCaption ? 'visually-hidden' : undefined}>{caption}</caption>
        <ColumnHeads columns={columns} />
        <tbody>{children}</tbody>
      </Table>
    </div>
  );
}
