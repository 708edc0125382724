import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mergeLabels } from '../components/Merge/mergeLabels';
import { t } from './translate';

const person = (id: number, emails: string[], phones: string[] = []) => ({
  id,
  firstName: 'Maria',
  lastName: 'de Vries',
  fullName: 'Maria de Vries',
  emails,
  phones,
});

describe('mergeLabels', () => {
  it('names two namesakes by their emails, so the message says which went where', () => {
    const labels = mergeLabels(person(1, ['maria@a.nl']), person(2, ['mdv@b.nl']), t);
    assert.deepEqual(labels, {
      main: 'Maria de Vries (maria@a.nl)',
      other: 'Maria de Vries (mdv@b.nl)',
    });
    assert.equal(
      t('merge.done', { other: labels.other, name: labels.main }),
      'Maria de Vries (mdv@b.nl) was merged into Maria de Vries (maria@a.nl)'
    );
  });

  it('falls back to phones, then to row ids', () => {
    assert.deepEqual(mergeLabels(person(1, [], ['0611']), person(2, [], ['0622']), t), {
      main: 'Maria de Vries (0611)',
      other: 'Maria de Vries (0622)',
    });
    assert.deepEqual(mergeLabels(person(1, ['x@a.nl']), person(2, ['X@a.nl']), t), {
      main: 'Maria de Vries (#1)',
      other: 'Maria de Vries (#2)',
    });
  });

  it('keeps different names as they are', () => {
    const other = { ...person(2, ['j@a.nl']), firstName: 'Jan', fullName: 'Jan de Vries' };
    assert.deepEqual(mergeLabels(person(1, ['m@a.nl']), other, t), {
      main: 'Maria de Vries',
      other: 'Jan de Vries',
    });
  });
});
