import type { RuleNode } from '../../../contracts/segment-rules';
import { referencedSegments } from '../../../contracts/segment-rules-schema';

/** A segment ID and the rules it has, or null for an external segment. */
export interface SegmentRefs {
  segmentId: string;
  rules: RuleNode | null;
}

/**
 * The path of a reference cycle through `segmentId` if its rules were `rules`, or null. A
 * segment that refers to itself, directly or through others, could never be computed.
 */
export const findCycle = (segments: SegmentRefs[], segmentId: string, rules: RuleNode | null) => {
  const refs = new Map(
    segments.map((s) => [s.segmentId, s.rules ? referencedSegments(s.rules) : []])
  );
  refs.set(segmentId, rules ? referencedSegments(rules) : []);
  const walk = (id: string, path: string[]): string[] | null => {
    for (const next of refs.get(id) ?? []) {
      if (next === segmentId) return [...path, next];
      if (path.includes(next)) continue;
      const found = walk(next, [...path, next]);
      if (found) return found;
    }
    return null;
  };
  return walk(segmentId, [segmentId]);
};

/** Segments ordered so that each comes after every segment it refers to. */
export const dependencyOrder = <T extends SegmentRefs>(segments: T[]): T[] => {
  const byId = new Map(segments.map((s) => [s.segmentId, s]));
  const done = new Set<string>();
  const ordered: T[] = [];
  const visit = (segment: T, seen: Set<string>) => {
    if (done.has(segment.segmentId) || seen.has(segment.segmentId)) return;
    seen.add(segment.segmentId);
    for (const ref of segment.rules ? referencedSegments(segment.rules) : []) {
      const target = byId.get(ref);
      if (target) visit(target, seen);
    }
    done.add(segment.segmentId);
    ordered.push(segment);
  };
  for (const segment of segments) visit(segment, new Set());
  return ordered;
};

/**
 * Segments in levels: each level refers only to segments of earlier levels (or to none of
 * `segments`), so a level can be evaluated in one query once the earlier ones are written.
 */
export const dependencyLevels = <T extends SegmentRefs>(segments: T[]): T[][] => {
  const level = new Map<string, number>();
  const byId = new Map(segments.map((s) => [s.segmentId, s]));
  const depth = (segment: T, seen: Set<string>): number => {
    const known = level.get(segment.segmentId);
    if (known !== undefined) return known;
    if (seen.has(segment.segmentId)) return 0;
    seen.add(segment.segmentId);
    let d = 0;
    for (const ref of segment.rules ? referencedSegments(segment.rules) : []) {
      const target = byId.get(ref);
      if (target) d = Math.max(d, depth(target, seen) + 1);
    }
    level.set(segment.segmentId, d);
    return d;
  };
  const levels: T[][] = [];
  for (const segment of segments) (levels[depth(segment, new Set())] ??= []).push(segment);
  return levels.filter(Boolean);
};

/** Segments that refer to `segmentId`, directly or through others (they need recomputing too). */
export const dependentsOf = <T extends SegmentRefs>(segments: T[], segmentId: string): T[] => {
  const result = new Set<string>();
  let frontier = [segmentId];
  while (frontier.length > 0) {
    const next = segments
      .filter((s) => s.rules && referencedSegments(s.rules).some((r) => frontier.includes(r)))
      .map((s) => s.segmentId)
      .filter((id) => !result.has(id) && id !== segmentId);
    next.forEach((id) => result.add(id));
    frontier = next;
  }
  return segments.filter((s) => result.has(s.segmentId));
};

/** True when a tree's result drifts as days pass: relative time windows and ages. */
export const isTimeDependent = (node: RuleNode): boolean => {
  switch (node.kind) {
    case 'group':
      return node.children.some(isTimeDependent);
    case 'event':
      return node.window.type === 'lastDays';
    case 'firstEvent':
      return true;
    case 'field':
      return node.field === 'age';
    default:
      return false;
  }
};

/** Nodes in a tree, counting a reference to one of `sizes` as the size of that segment's tree. */
const treeSize = (node: RuleNode, sizes: Map<string, number>): number => {
  if (node.kind === 'group') return 1 + node.children.reduce((n, c) => n + treeSize(c, sizes), 0);
  if (node.kind === 'segment') return 1 + (sizes.get(node.segmentId) ?? 0);
  return 1;
};

/**
 * The rules of every segment for compiling references inline (see CompileContext.inlined), or
 * undefined when, with every reference expanded, the trees would hold more than `maxNodes`
 * nodes in all (segments referring to each other many times over): the engine then evaluates
 * them level by level.
 */
export const inlinableRules = <T extends SegmentRefs & { rules: RuleNode }>(
  segments: T[],
  key: string,
  maxNodes = 2000
) => {
  const sizes = new Map<string, number>();
  let total = 0;
  for (const segment of dependencyOrder(segments)) {
    const size = treeSize(segment.rules, sizes);
    sizes.set(segment.segmentId, size);
    total += size;
    if (total > maxNodes) return undefined;
  }
  return { rules: new Map(segments.map((s) => [s.segmentId, s.rules])), key };
};
