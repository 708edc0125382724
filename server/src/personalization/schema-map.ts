import type { Core } from '@strapi/strapi';
import { AUDIENCE_FIELD } from '../../../contracts/audience';

/** What the personalization walk needs to know of one content type or component. */
export interface TypeShape {
  /** The attribute holding the Audience custom field, if the type has one. */
  audience: string | null;
  /** Attributes to descend into: single or repeatable components, dynamic zones, relations. */
  children: Array<
    | { name: string; kind: 'component'; component: string; repeatable: boolean }
    | { name: string; kind: 'dynamiczone' }
    | { name: string; kind: 'relation'; target: string }
  >;
}

export type SchemaMap = Map<string, TypeShape>;

type Attribute = {
  type: string;
  customField?: string;
  component?: string;
  repeatable?: boolean;
  target?: string;
};

/**
 * The shapes of every content type and component whose entries may hold an audience somewhere
 * (on themselves, in components or in dynamic zones); types that cannot are left out, so the
 * Document Service middleware passes them through untouched.
 */
export const buildSchemaMap = (strapi: Core.Strapi): SchemaMap => {
  const schemas: Record<string, { attributes: Record<string, Attribute> }> = {
    ...(strapi.contentTypes as any),
    ...(strapi.components as any),
  };
  const raw = new Map<string, TypeShape>();
  for (const [uid, schema] of Object.entries(schemas)) {
    const shape: TypeShape = { audience: null, children: [] };
    for (const [name, attr] of Object.entries(schema.attributes ?? {})) {
      if (attr.customField === AUDIENCE_FIELD) shape.audience ??= name;
      else if (attr.type === 'component')
        shape.children.push({
          name,
          kind: 'component',
          component: attr.component ?? '',
          repeatable: Boolean(attr.repeatable),
        });
      else if (attr.type === 'dynamiczone') shape.children.push({ name, kind: 'dynamiczone' });
      else if (attr.type === 'relation' && attr.target && !attr.target.startsWith('admin::'))
        shape.children.push({ name, kind: 'relation', target: attr.target });
    }
    raw.set(uid, shape);
  }

  // A type is kept when an audience is reachable from it through components or dynamic zones.
  const componentsOf = (uid: string, name: string): string[] => {
    const attr = schemas[uid]?.attributes?.[name] as Attribute & { components?: string[] };
    return attr?.component ? [attr.component] : (attr?.components ?? []);
  };
  const reaches = new Map<string, boolean>();
  const visit = (uid: string, seen: Set<string>): boolean => {
    if (reaches.has(uid)) return reaches.get(uid)!;
    const shape = raw.get(uid);
    if (!shape || seen.has(uid)) return false;
    seen.add(uid);
    const found =
      shape.audience !== null ||
      shape.children.some(
        (c) => c.kind !== 'relation' && componentsOf(uid, c.name).some((u) => visit(u, seen))
      );
    reaches.set(uid, found);
    return found;
  };
  for (const uid of raw.keys()) visit(uid, new Set());

  const map: SchemaMap = new Map();
  for (const [uid, shape] of raw) {
    const children = shape.children.filter((c) =>
      c.kind === 'relation'
        ? reaches.get(c.target)
        : componentsOf(uid, c.name).some((u) => reaches.get(u))
    );
    if (shape.audience || children.length > 0) map.set(uid, { audience: shape.audience, children });
  }
  return map;
};
