import { parseAudience, type Audience } from '../../../contracts/audience';
import { audienceMatches, pickBlocks, type AudienceView } from './match';
import type { SchemaMap, TypeShape } from './schema-map';

type Entity = Record<string, any>;
type Child = TypeShape['children'][number];

/** The uid of a block: dynamic zone blocks name it in `__component`, components by schema. */
const blockUidOf = (child: Child, block: Entity) =>
  child.kind === 'dynamiczone'
    ? String(block?.__component ?? '')
    : child.kind === 'component'
      ? child.component
      : child.target;

/**
 * Calls `found` with every stored audience value in the entities (their own, in their
 * components and dynamic zones, and in populated relations), before any is filtered: the
 * A/B tests among them must be assigned first.
 */
export const collectAudiences = (
  map: SchemaMap,
  uid: string,
  entity: unknown,
  found: (value: unknown) => void
): void => {
  const shape = map.get(uid);
  if (!shape || !entity || typeof entity !== 'object') return;
  if (Array.isArray(entity)) {
    for (const e of entity) collectAudiences(map, uid, e, found);
    return;
  }
  const e = entity as Entity;
  if (shape.audience && e[shape.audience] !== undefined) found(e[shape.audience]);
  for (const child of shape.children) {
    const value = e[child.name];
    if (value === undefined || value === null) continue;
    for (const item of Array.isArray(value) ? value : [value])
      collectAudiences(map, blockUidOf(child, item), item, found);
  }
};

/**
 * The entity as the visitor gets it: blocks and related entries not for them removed (see
 * pickBlocks), and every audience turned from its stored string into an object. Returns null
 * when the entity itself is not for the visitor (`checkSelf`: false when a caller decided).
 */
export const personalizeEntity = (
  map: SchemaMap,
  uid: string,
  entity: Entity | null,
  view: AudienceView,
  checkSelf = true
): Entity | null => {
  const shape = map.get(uid);
  if (!shape || !entity || typeof entity !== 'object') return entity;
  const out: Entity = { ...entity };
  if (shape.audience && shape.audience in out) {
    const audience = parseAudience(out[shape.audience]);
    if (checkSelf && view.personalize && !audienceMatches(audience, view)) return null;
    out[shape.audience] = audience;
  }
  for (const child of shape.children) {
    const value = out[child.name];
    if (value === undefined || value === null) continue;
    if (child.kind === 'relation') {
      out[child.name] = Array.isArray(value)
        ? value.map((v) => personalizeEntity(map, child.target, v, view)).filter((v) => v !== null)
        : personalizeEntity(map, child.target, value, view);
      continue;
    }
    if (!Array.isArray(value)) {
      // A single component has no siblings to fall back on: it stays, its audience shown.
      out[child.name] = personalizeEntity(map, blockUidOf(child, value), value, view, false);
      continue;
    }
    const audienceOf = (block: Entity): { group: string; audience: Audience } | null => {
      const blockUid = blockUidOf(child, block);
      const field = map.get(blockUid)?.audience;
      return field ? { group: blockUid, audience: parseAudience(block[field]) } : null;
    };
    const kept = view.personalize ? pickBlocks(value, audienceOf, view) : value;
    out[child.name] = kept.map((block) =>
      personalizeEntity(map, blockUidOf(child, block), block, view, false)
    );
  }
  return out;
};
