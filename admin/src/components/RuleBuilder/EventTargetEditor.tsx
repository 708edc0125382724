import { Flex } from '@strapi/design-system';
import type { EventTarget } from '../../../../contracts/segment-rules';
import { useCollectionTypes } from '../../hooks/useContentTypes';
import { useT } from '../../hooks/useT';
import { attributeValue, scalarAttributes } from '../../utils/contentTypes';
import { TextField } from '../CustomerForm/TextField';
import { Cell, SelectField } from './controls';
import { ContentItemPicker } from './ContentItemPicker';

interface EventTargetEditorProps {
  target: EventTarget;
  name: string;
  onChange: (target: EventTarget) => void;
  disabled: boolean;
}

const TARGET_TYPES: EventTarget['type'][] = ['any', 'item', 'contentType', 'url'];

const startTarget = (type: EventTarget['type'], uid: string): EventTarget => {
  switch (type) {
    case 'any':
      return { type };
    case 'item':
      return { type, uid, documentId: '' };
    case 'contentType':
      return { type, uid };
    case 'url':
      return { type, pattern: '' };
  }
};

/**
 * What the event was about: anything, one content item (picked by title), any item of a content
 * type (optionally only those whose field has a value), or a page whose URL matches a pattern.
 */
export const EventTargetEditor = ({ target, name, onChange, disabled }: EventTargetEditorProps) => {
  const t = useT();
  const { types, error } = useCollectionTypes();
  const needsType = target.type === 'item' || target.type === 'contentType';
  const type = needsType ? types.find((ct) => ct.uid === target.uid) : undefined;
  const attributes = type ? scalarAttributes(type.attributes) : [];

  const typeInput = needsType ? (
    error || types.length === 0 ? (
      <Cell width="24rem">
        <TextField
          name={`${name}.uid`}
          label={t('rule.contentType')}
          hint={error ? t('rule.contentType.forbidden') : t('rule.contentType.none')}
          value={target.uid}
          disabled={disabled}
          onChange={(uid) => onChange({ ...target, uid } as EventTarget)}
        />
      </Cell>
    ) : (
      <SelectField
        name={`${name}.uid`}
        label={t('rule.contentType')}
        placeholder={t('rule.contentType.pick')}
        value={target.uid}
        disabled={disabled}
        options={types.map((ct) => ({ value: ct.uid, label: ct.displayName }))}
        onChange={(uid) => onChange(startTarget(target.type, uid))}
      />
    )
  ) : null;

  const field = target.type === 'contentType' ? target.field : undefined;
  const attribute = attributes.find((a) => a.name === field);

  return (
    <Flex gap={3} wrap="wrap" alignItems="flex-start">
      <SelectField
        name={`${name}.type`}
        label={t('rule.target')}
        value={target.type}
        disabled={disabled}
        options={TARGET_TYPES.map((value) => ({ value, label: t(`rule.target.${value}`) }))}
        onChange={(next) =>
          onChange(startTarget(next as EventTarget['type'], types.length === 1 ? types[0].uid : ''))
        }
      />
      {typeInput}
      {target.type === 'item' && target.uid && (error || !type) ? (
        <Cell width="24rem">
          <TextField
            name={`${name}.documentId`}
            label={t('rule.item.documentId')}
            value={target.documentId}
            disabled={disabled}
            onChange={(documentId) => onChange({ ...target, documentId })}
          />
        </Cell>
      ) : target.type === 'item' && target.uid ? (
        <ContentItemPicker
          name={name}
          uid={target.uid}
          documentId={target.documentId}
          disabled={disabled}
          onChange={(documentId) => onChange({ ...target, documentId })}
        />
      ) : null}
      {target.type === 'contentType' && attributes.length > 0 && (
        <SelectField
          name={`${name}.field`}
          label={t('rule.itemField')}
          value={field ?? ''}
          disabled={disabled}
          options={[
            { value: '', label: t('rule.itemField.any') },
            ...attributes.map((a) => ({ value: a.name, label: a.name })),
          ]}
          onChange={(next) => {
            const { field: _field, value: _value, ...rest } = target;
            onChange(next ? { ...rest, field: next, value: '' } : rest);
          }}
        />
      )}
      {target.type === 'contentType' &&
        attribute &&
        (attribute.enum || attribute.type === 'boolean' ? (
          <SelectField
            name={`${name}.fieldValue`}
            label={t('rule.itemField.value')}
            value={String(target.value ?? '')}
            disabled={disabled}
            options={(attribute.enum ?? ['true', 'false']).map((v) => ({
              value: v,
              label: attribute.enum ? v : v === 'true' ? t('value.yes') : t('value.no'),
            }))}
            onChange={(v) => onChange({ ...target, value: attributeValue(attribute.type, v) })}
          />
        ) : (
          <Cell width="20rem">
            <TextField
              name={`${name}.fieldValue`}
              label={t('rule.itemField.value')}
              value={String(target.value ?? '')}
              disabled={disabled}
              onChange={(v) => onChange({ ...target, value: attributeValue(attribute.type, v) })}
            />
          </Cell>
        ))}
      {target.type === 'url' && (
        <Cell width="28rem">
          <TextField
            name={`${name}.pattern`}
            label={t('rule.url')}
            hint={t('rule.url.hint')}
            placeholder="*/pricing*"
            value={target.pattern}
            disabled={disabled}
            onChange={(pattern) => onChange({ ...target, pattern })}
          />
        </Cell>
      )}
    </Flex>
  );
};
