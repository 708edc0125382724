import { CUSTOMER_SOURCES, GENDERS, TABLE } from '../../contracts/constants';

/**
 * A customer profile. Only single-valued fields live here; emails, phones, visitor ids, tags,
 * subscriptions and terms are child tables (see server/src/database/models.ts).
 */
export default {
  kind: 'collectionType',
  collectionName: TABLE.customers,
  info: {
    singularName: 'customer',
    pluralName: 'customers',
    displayName: 'Customer',
    description: 'A person who interacted with your content',
  },
  options: { draftAndPublish: false },
  indexes: [
    { name: `${TABLE.customers}_reference_idx`, columns: ['reference_id'] },
    { name: `${TABLE.customers}_created_idx`, columns: ['created_at'] },
    { name: `${TABLE.customers}_activity_idx`, columns: ['last_activity_at'] },
    { name: `${TABLE.customers}_country_idx`, columns: ['country'] },
  ],
  pluginOptions: {
    'content-manager': { visible: false },
    'content-type-builder': { visible: false },
  },
  attributes: {
    firstName: { type: 'string' },
    lastName: { type: 'string' },
    gender: { type: 'enumeration', enum: [...GENDERS] },
    dateOfBirth: { type: 'date' },
    street: { type: 'string' },
    houseNumber: { type: 'string' },
    zipCode: { type: 'string' },
    city: { type: 'string' },
    country: { type: 'string' },
    jobTitle: { type: 'string' },
    referenceId: { type: 'string' },
    source: { type: 'enumeration', enum: [...CUSTOMER_SOURCES], default: 'manual' },
    lastActivityAt: { type: 'datetime' },
    anonymizedAt: { type: 'datetime' },
  },
} as const;
