import type { Core } from '@strapi/strapi';
import { errors, sanitize, traverseEntity } from '@strapi/utils';
import { refuse } from '../utils/ability';
import type { SchemaMap } from './schema-map';

type Entry = Record<string, any>;

/** The Content Manager's populate builder (`populate-builder` service), as far as used here. */
type PopulateBuilder = (uid: string) => {
  populateFromQuery(query: object): ReturnType<PopulateBuilder>;
  populateDeep(level: number): ReturnType<PopulateBuilder>;
  countRelations(): ReturnType<PopulateBuilder>;
  build(): Promise<Record<string, unknown> | undefined>;
};

/** The part of the Content Manager's permission checker the preview uses. */
interface PermissionChecker {
  cannot: { read(entry?: Entry): boolean };
  sanitizedQuery: { read(query: object): Promise<Record<string, unknown>> };
  sanitizeOutput(entry: Entry): Promise<Entry>;
}

/**
 * Whether "View as" may show a type: one the Content Manager displays, and either the site's own
 * (`api::`) or a plugin type that carries an audience. Admin users, end users and the plugin's
 * customers never qualify, whatever the admin's role.
 */
const previewable = (strapi: Core.Strapi, map: SchemaMap, uid: string) => {
  const shown = strapi.plugin('content-manager').service('content-types').findContentType(uid);
  return Boolean(shown?.isDisplayed) && (uid.startsWith('api::') || map.has(uid));
};

/**
 * Reads one entry for an admin the way the Content Manager's edit view does: the admin's
 * Content Manager read permission (its conditions included) decides whether the entry is
 * shown, relations come as counts, and the result keeps only the fields the role may read.
 * Fields private to the content API are removed too (admin users in createdBy / updatedBy with
 * them), since "View as" shows what a visitor would get.
 */
export const readForPreview = async (
  strapi: Core.Strapi,
  map: SchemaMap,
  userAbility: unknown,
  query: { uid: string; documentId: string; status: 'draft' | 'published'; locale?: string | null }
): Promise<Entry> => {
  const { uid } = query;
  if (!previewable(strapi, map, uid))
    throw new errors.NotFoundError(`No content type ${uid} in the Content Manager`);
  const checker: PermissionChecker = strapi
    .plugin('content-manager')
    .service('permission-checker')
    .create({ userAbility, model: uid });
  if (checker.cannot.read()) refuse(`You may not read ${uid} in the Content Manager`);

  const permissionQuery = await checker.sanitizedQuery.read({});
  const builder = strapi.plugin('content-manager').service('populate-builder') as PopulateBuilder;
  const populate = await builder(uid)
    .populateFromQuery(permissionQuery)
    .populateDeep(Infinity)
    .countRelations()
    .build();
  // Other locales are not part of the preview (the Content Manager loads them for its own UI).
  delete populate?.localizations;
  const entry = (await strapi.documents(uid as any).findOne({
    documentId: query.documentId,
    populate,
    status: query.status,
    ...(query.locale ? { locale: query.locale } : {}),
  } as any)) as Entry | null;
  if (!entry) throw new errors.NotFoundError(`No ${query.status} entry ${query.documentId}`);
  if (checker.cannot.read(entry)) refuse(`You may not read this entry of ${uid}`);

  const sanitized = await checker.sanitizeOutput(entry);
  return traverseEntity(
    sanitize.visitors.removePrivate,
    { schema: strapi.getModel(uid as any), getModel: (u) => strapi.getModel(u as any) },
    sanitized
  ) as Promise<Entry>;
};
