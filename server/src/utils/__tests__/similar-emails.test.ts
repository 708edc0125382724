import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { similarEmails } from '../similar-emails';

describe('similarEmails', () => {
  it('matches the same name written with dots, case and a +tag at another provider', () => {
    assert.equal(similarEmails('maria.de.vries+news@gmail.com', 'MariaDeVries@hotmail.nl'), true);
    assert.equal(similarEmails('m_de-vries@a.nl', 'mdevries@b.nl'), true);
  });

  it('matches a typo in a long name, not in a short one', () => {
    assert.equal(similarEmails('mariadevreis@a.nl', 'mariadevries@b.nl'), true);
    assert.equal(similarEmails('jan@a.nl', 'jon@b.nl'), false);
  });

  it('does not match different names', () => {
    assert.equal(similarEmails('maria.devries@a.nl', 'm.jansen@a.nl'), false);
    assert.equal(similarEmails('info@a.nl', 'sales@a.nl'), false);
  });
});
