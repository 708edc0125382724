import assert from 'node:assert/strict';
import type { Response } from 'supertest';
import { RESPONSES, type Handler, type ResponseOf } from '../../contracts/api';
import { issuesOf } from '../../contracts/api/shape';

/** The handlers whose answers were checked in this test file, for a test of coverage. */
export const checkedHandlers = new Set<Handler>();

/**
 * Asserts that a response is the route's successful answer as its contract (contracts/api) says:
 * the status, and for JSON a body with exactly the contract's fields and types (a field the
 * contract lacks, or one it names that is missing, fails); for a download, its content type.
 * Returns the body, typed by the contract.
 */
export const assertContract = <H extends Handler>(handler: H, res: Response): ResponseOf<H> => {
  const contract = RESPONSES[handler];
  assert.equal(res.status, contract.status, `${handler} answered ${res.status}: ${res.text}`);
  if (contract.kind === 'file') {
    assert.ok(
      String(res.headers['content-type']).startsWith(contract.contentType),
      `${handler} sent ${res.headers['content-type']}, not ${contract.contentType}`
    );
  } else {
    assert.deepEqual(issuesOf(contract.body, res.body), [], `${handler} broke its contract`);
  }
  checkedHandlers.add(handler);
  return res.body as ResponseOf<H>;
};
