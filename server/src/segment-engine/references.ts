import { EVENT_TYPES } from '../../../contracts/constants';
import type { RuleNode } from '../../../contracts/segment-rules';

/** What a rule tree may name: the event types events are stored with, and the segments. */
export interface KnownNames {
  /** The site's own event types (the plugin's `customEventTypes` config). */
  customEventTypes: readonly string[];
  hasSegment: (segmentId: string) => boolean;
}

const walk = (node: RuleNode, visit: (node: RuleNode) => void) => {
  visit(node);
  if (node.kind === 'group') node.children.forEach((child) => walk(child, visit));
};

/**
 * Why a tree names something that does not exist, one sentence per name, or [] when all
 * exist. An event type tracking refuses (or one that undoes another, Unlike, which is never
 * stored) would match nobody, and a segment that is not there cannot be evaluated.
 */
export const unknownNames = (tree: RuleNode, known: KnownNames): string[] => {
  const eventTypes = [...new Set<string>([...EVENT_TYPES, ...known.customEventTypes])];
  const badTypes = new Set<string>();
  const badSegments = new Set<string>();
  walk(tree, (node) => {
    if (
      (node.kind === 'event' || node.kind === 'firstEvent') &&
      !eventTypes.includes(node.eventType)
    )
      badTypes.add(node.eventType);
    if (node.kind === 'segment' && !known.hasSegment(node.segmentId))
      badSegments.add(node.segmentId);
  });
  return [
    ...[...badTypes].map(
      (type) =>
        `Event type "${type}" is not one that tracking records; use one of ${eventTypes.join(', ')}`
    ),
    ...[...badSegments].map((id) => `There is no segment "${id}"`),
  ];
};
