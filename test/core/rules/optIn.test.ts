/** Opting a file in adds a glob that matches exactly that file to idenfy.payloadFiles. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { globForPath, payloadFilesWith } from '../../../core/optIn';
import { createPathMatcher } from '../../../core/paths';

describe('payloadFilesWith', () => {
  it('adds the path after the current globs (the defaults are kept)', () => {
    assert.deepEqual(payloadFilesWith(['**/*.idenfy.json', '**/*.idenfy.jsonc'], 'config/kiosk.json'), ['**/*.idenfy.json', '**/*.idenfy.jsonc', 'config/kiosk.json']);
  });

  it('returns the same list when the path is there already', () => {
    const current = ['config/kiosk.json'];
    assert.equal(payloadFilesWith(current, 'config/kiosk.json'), current);
  });

  it('escapes glob characters, so the glob matches that one file and no other', () => {
    const glob = globForPath('requests/[draft] body (1).json');
    const matches = createPathMatcher([glob]);
    assert.equal(matches('requests/[draft] body (1).json'), true);
    assert.equal(matches('requests/d body (1).json'), false);
    assert.equal(createPathMatcher([globForPath('a/*.json')])('a/other.json'), false);
  });

  it('Windows separators become slashes', () => {
    assert.equal(globForPath('config\\kiosk.json'), 'config/kiosk.json');
  });
});
