// The browser builds (pkg/web and pkg/forms/web: the package's entry index.js over
// wasm-bindgen's `web` target) run in node too, once given their module's bytes: each gives
// what its node build gives, its Standard Schemas included. The demo page's
// browser test covers the forms module in Chromium; this covers the full module's web glue,
// which no page loads in the tests.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import * as nodeFull from 'secretariat';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The web build in `dir` (its entry, as the package's `browser` condition gives it),
 * initialised with its own `.wasm`. */
async function webBuild(dir) {
  const root = path.resolve(here, '..', 'pkg', dir);
  const entry = await import(pathToFileURL(path.join(root, 'index.js')).href);
  assert.equal(typeof entry.default, 'function', 'the entry exports init as its default');
  entry.initSync({ module: readFileSync(path.join(root, 'secretariat_wasm_bg.wasm')) });
  return entry;
}

const options = { today: '2002-10-14', locale: 'zh-Hans' };
const form = {
  member: '2002012', event: 'regular-meeting-2002-10-16', reason: '',
  approver: '2002012', requestedAt: '2002-10-14T09:00',
};

for (const dir of ['web', 'forms/web']) {
  test(`the web build pkg/${dir} gives what the node build gives`, async () => {
    const web = await webBuild(dir);
    const context = web.sampleTerm();
    assert.deepEqual(context, nodeFull.sampleTerm());
    const result = web.checkLeaveRequest(form, context, options);
    assert.equal(result.success, false);
    assert.deepEqual(result, nodeFull.checkLeaveRequest(form, nodeFull.sampleTerm(), options));
    assert.deepEqual(
      web.memberStanding('2002013', context, options),
      nodeFull.memberStanding('2002013', context, options),
    );
    assert.throws(
      () => web.loadRulebook({ attendance: { latenessLimit: 0 } }),
      (e) => web.isSecretariatError(e) && e.code === 'rulebook.out_of_range',
    );
    const validate = (sec, ctx) => sec.leaveRequestSchema(ctx, options)['~standard'].validate(form);
    const issues = validate(web, context).issues;
    assert.deepEqual(issues, validate(nodeFull, nodeFull.sampleTerm()).issues);
    assert.ok(issues.some((i) => i.path[0] === 'substitute'));
    assert.deepEqual(validate(web, null).issues.map((i) => i.path), [['root']]);
  });
}

test('the full web build has the whole API', async () => {
  const web = await webBuild('web');
  const report = web.termReport(web.sampleTerm(), options);
  assert.deepEqual(report, nodeFull.termReport(nodeFull.sampleTerm(), options));
});
