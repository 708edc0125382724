import { TABLE } from '../../contracts/constants';

/**
 * Something a customer did. `customerId` is the customer's row id, a plain indexed column
 * rather than a Strapi relation, so that segment queries join events without a link table.
 */
export default {
  kind: 'collectionType',
  collectionName: TABLE.events,
  info: {
    singularName: 'event',
    pluralName: 'events',
    displayName: 'Event',
    description: 'A customer interaction: a view, click, conversion ...',
  },
  options: { draftAndPublish: false },
  indexes: [
    // "customer C did type T on item X between dates": the per-customer re-evaluation path.
    {
      name: `${TABLE.events}_customer_type_idx`,
      columns: ['customer_id', 'type', 'item_document_id', 'occurred_at'],
    },
    // "who did type T on item X in a window": the whole-segment path (see performance notes).
    {
      name: `${TABLE.events}_item_type_idx`,
      columns: ['item_document_id', 'type', 'occurred_at', 'customer_id'],
    },
    { name: `${TABLE.events}_type_time_idx`, columns: ['type', 'occurred_at', 'customer_id'] },
  ],
  foreignKeys: [
    {
      name: `${TABLE.events}_customer_fk`,
      columns: ['customer_id'],
      referencedTable: TABLE.customers,
      referencedColumns: ['id'],
      onDelete: 'CASCADE',
    },
  ],
  pluginOptions: {
    'content-manager': { visible: false },
    'content-type-builder': { visible: false },
  },
  attributes: {
    customerId: { type: 'integer', required: true },
    type: { type: 'string', required: true },
    itemUid: { type: 'string' },
    itemDocumentId: { type: 'string' },
    itemLocale: { type: 'string' },
    url: { type: 'text' },
    referrer: { type: 'text' },
    utmSource: { type: 'string' },
    utmMedium: { type: 'string' },
    utmCampaign: { type: 'string' },
    utmTerm: { type: 'string' },
    utmContent: { type: 'string' },
    occurredAt: { type: 'datetime', required: true },
    metadata: { type: 'json' },
  },
} as const;
