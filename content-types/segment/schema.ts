import { SEGMENT_KINDS, TABLE } from '../../contracts/constants';

/** A named group of customers: computed from rules, or a reference to an external system. */
export default {
  kind: 'collectionType',
  collectionName: TABLE.segments,
  info: {
    singularName: 'segment',
    pluralName: 'segments',
    displayName: 'Segment',
    description: 'A group of customers, by rules or from a CRM/CDP',
  },
  options: { draftAndPublish: false },
  indexes: [{ name: `${TABLE.segments}_segment_id_uq`, columns: ['segment_id'], type: 'unique' }],
  pluginOptions: {
    'content-manager': { visible: false },
    'content-type-builder': { visible: false },
  },
  attributes: {
    name: { type: 'string', required: true },
    /** The id front ends and external systems use: A-Z a-z 0-9 - _ and spaces, 3+ chars. */
    segmentId: { type: 'string', required: true, unique: true },
    description: { type: 'text' },
    kind: { type: 'enumeration', enum: [...SEGMENT_KINDS], default: 'rule', required: true },
    rules: { type: 'json' },
    memberCount: { type: 'integer', default: 0 },
    lastComputedAt: { type: 'datetime' },
  },
} as const;
