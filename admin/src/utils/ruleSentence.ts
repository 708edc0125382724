import type {
  EventCondition,
  EventTarget,
  EventWindow,
  FieldCondition,
  RuleNode,
  Scalar,
} from '../../../contracts/segment-rules';
import type { Translate } from '../hooks/useT';
import { fieldLabel, operatorLabel, valueLabel } from './ruleLabels';

/** Names to show instead of IDs, when known. */
export interface SentenceNames {
  /** Segment name by segment ID. */
  segments?: Record<string, string>;
  /** Content type display name by uid. */
  contentTypes?: Record<string, string>;
}

const join = (...parts: (string | null | undefined | false)[]) => parts.filter(Boolean).join(' ');

const values = (c: FieldCondition, t: Translate) => {
  const list: Scalar[] = Array.isArray(c.value) ? c.value : c.value == null ? [] : [c.value];
  const shown = list.map((v) => valueLabel(c.field, v, t));
  if (c.operator === 'between') return t('sentence.range', { from: shown[0], to: shown[1] });
  return shown.join(', ');
};

const fieldSentence = (c: FieldCondition, t: Translate) => {
  const field = fieldLabel(c.field, t);
  const operator = operatorLabel(c.field, c.operator, t);
  const text =
    c.operator === 'isEmpty' || c.operator === 'isNotEmpty'
      ? t('sentence.field.noValue', { field, operator })
      : t('sentence.field', { field, operator, value: values(c, t) });
  return c.since ? t('sentence.since', { text, date: c.since }) : text;
};

const targetText = (target: EventTarget, t: Translate, names: SentenceNames) => {
  const type = (uid: string) => names.contentTypes?.[uid] ?? uid;
  switch (target.type) {
    case 'any':
      return null;
    case 'item':
      return t('sentence.target.item', { contentType: type(target.uid), item: target.documentId });
    case 'contentType':
      return target.field
        ? t('sentence.target.contentTypeField', {
            contentType: type(target.uid),
            field: target.field,
            value: String(target.value ?? ''),
          })
        : t('sentence.target.contentType', { contentType: type(target.uid) });
    case 'url':
      return t('sentence.target.url', { pattern: target.pattern });
  }
};

const windowText = (window: EventWindow, t: Translate) => {
  switch (window.type) {
    case 'ever':
      return null;
    case 'lastDays':
      return t('sentence.window.lastDays', { days: window.days });
    case 'between':
      return t('sentence.window.between', { from: window.from, to: window.to });
  }
};

const eventSentence = (c: EventCondition, t: Translate, names: SentenceNames) => {
  const target = targetText(c.target, t, names);
  const window = windowText(c.window, t);
  if (!c.did) return join(t('sentence.event.didNot', { eventType: c.eventType }), target, window);
  return join(
    t('sentence.event.did', { eventType: c.eventType }),
    target,
    t(`sentence.count.${c.count.operator}`, { n: c.count.value }),
    window
  );
};

/**
 * A node of the rule tree as one short sentence: "Gender is Female", "Did “View” on any Article
 * whose category is EV at least 2 times in the last 30 days". Used for the profile's "Why?".
 */
export const describeCondition = (
  node: RuleNode,
  t: Translate,
  names: SentenceNames = {}
): string => {
  switch (node.kind) {
    case 'group':
      return t(node.op === 'and' ? 'sentence.group.and' : 'sentence.group.or', {
        count: node.children.length,
      });
    case 'field':
      return fieldSentence(node, t);
    case 'event':
      return eventSentence(node, t, names);
    case 'firstEvent':
      return t('sentence.firstEvent', { eventType: node.eventType, days: node.days });
    case 'utm':
      return t('sentence.utm', {
        param: t(`rule.utm.${node.param}`),
        operator: operatorLabel(null, node.operator, t),
        value: Array.isArray(node.value) ? node.value.join(', ') : node.value,
      });
    case 'segment':
      return t(node.operator === 'in' ? 'sentence.segment.in' : 'sentence.segment.notIn', {
        segment: names.segments?.[node.segmentId] ?? node.segmentId,
      });
  }
};
