import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { workerGroups } from '../lib/groups';
import { SCENARIOS } from '../scenarios';
import type { Scenario } from '../scenarios/types';

const scenario = (name: string, worker?: string): Scenario => ({
  name,
  description: name,
  unit: 's',
  ...(worker && { worker }),
  run: async () => ({ seconds: 1 }),
});
const names = (groups: Scenario[][]) => groups.map((g) => g.map((s) => s.name));

describe('worker processes of an engine run', () => {
  it('runs the shared scenarios in one worker, then each named group in a fresh one', () => {
    const groups = workerGroups([
      scenario('load'),
      scenario('import', 'import'),
      scenario('query'),
      scenario('naive', 'import'),
      scenario('other', 'solo'),
    ]);
    assert.deepEqual(names(groups), [['load', 'query'], ['import', 'naive'], ['other']]);
  });

  it('starts no worker for an empty group', () => {
    assert.deepEqual(names(workerGroups([scenario('import', 'import')])), [['import']]);
    assert.deepEqual(workerGroups([]), []);
  });

  it('runs the imports apart from the data set, and the bulk delete last in its worker', () => {
    const [shared, imports] = names(workerGroups(SCENARIOS));
    assert.equal(shared.at(-1), 'customers-delete-all');
    assert.deepEqual(imports, ['import-csv', 'import-naive']);
  });
});
