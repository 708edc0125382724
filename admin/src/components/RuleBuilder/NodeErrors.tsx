import { Flex, Typography } from '@strapi/design-system';

/** The messages about one node of the tree, under it. */
export const NodeErrors = ({ messages, id }: { messages?: string[]; id?: string }) =>
  messages && messages.length > 0 ? (
    <Flex id={id} direction="column" alignItems="flex-start" gap={1}>
      {messages.map((message) => (
        <Typography key={message} variant="pi" textColor="danger600">
          {message}
        </Typography>
      ))}
    </Flex>
  ) : null;
