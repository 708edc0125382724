import { Th, Thead, Tr, Typography } from '@strapi/design-system';

/** A table's header row: one column title per label, in the design system's small capitals. */
export const HeaderRow = ({ labels }: { labels: string[] }) => (
  <Thead>
    <Tr>
      {labels.map((label) => (
        <Th key={label}>
          <Typography variant="sigma" textColor="neutral600">
            {label}
          </Typography>
        </Th>
      ))}
    </Tr>
  </Thead>
);
