import { VisuallyHidden } from '@strapi/design-system';

export interface FiguresTableProps {
  caption: string;
  /** The two column headers, e.g. Date and Members. */
  columns: [string, string];
  rows: { label: string; value: string }[];
}

/**
 * The figures a chart draws, as a table only screen readers see: a picture of numbers is of
 * no use to someone who cannot see it, and a table lets them step through each value.
 */
export const FiguresTable = ({ caption, columns, rows }: FiguresTableProps) => (
  <VisuallyHidden>
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{columns[0]}</th>
          <th scope="col">{columns[1]}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={i}>
            <th scope="row">{row.label}</th>
            <td>{row.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  </VisuallyHidden>
);
