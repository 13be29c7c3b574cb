import type { ReactNode } from 'react';

/** A column heading; `hidden` keeps it for screen readers only (e.g. the actions column). */
export type Column = Readonly<{ label: ReactNode; hidden?: boolean; key?: string }>;

/**
 * A data table: `<table className="table …">`, an optional caption (visually hidden when
 * `captionHidden`), a header row of `<th scope="col">` and the rows as children (inside tbody).
 */
export function Table({
  columns,
  caption,
  captionHidden = false,
  className,
  testId,
  label,
  children,
}: Readonly<{
  columns: readonly Column[];
  caption?: ReactNode;
  captionHidden?: boolean;
  className?: string;
  testId?: string;
  label?: string;
  children: ReactNode;
}>) {
  return (
    <table className={className ? `table ${className}` : 'table'} data-testid={testId} aria-label={label}>
      {caption !== undefined ? <caption className={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption> : null}
      <thead>
        <tr>
          {columns.map((c, i) => (
            <th key={c.key ?? i} scope="col">
              {c.hidden ? <span className="visually-hidden">{c.label}</span> : c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}
