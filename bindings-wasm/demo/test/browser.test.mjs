// The demo page in a real browser: Debian's Chromium (/usr/bin/chromium), driven by
// playwright-core, against the page served by a tiny static server. For the leave request and
// the activity plan: fill the form wrongly, see each issue next to its field (by code and by
// text), switch to 简体中文 and see the Chinese messages, correct the form, see success.
//
//   bash bindings-wasm/scripts/browser-setup.sh   # Chromium, once (apt-get, as root)
//   bash bindings-wasm/scripts/build.sh           # the package: pkg/forms/web/index.js
//   node --test bindings-wasm/demo/test/
//
// Without /usr/bin/chromium the test fails (it never skips: `make wasm-test` installs Chromium
// first, with bindings-wasm/scripts/browser-setup.sh). CHROMIUM=/path/to/chromium runs another
// binary.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, readFile, stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
/** bindings-wasm/: the page loads ../pkg/forms/web/ (the forms module), so the server serves the whole folder. */
const packageRoot = path.resolve(here, '..', '..');
const repoRoot = path.resolve(packageRoot, '..');
const screenshotDir = path.join(repoRoot, 'target');
const entry = path.join(packageRoot, 'pkg', 'forms', 'web', 'index.js');

const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
// Headless as root, and quiet: without the networking flags Chromium keeps trying hosts this
// machine cannot reach. playwright-core gives every launch a fresh temporary --user-data-dir
// of its own (and refuses one in args), and adds --headless and --no-sandbox itself too.
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];


const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.ts': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

/** A static file server for `root` on 127.0.0.1 and a free port; every request is logged. */
async function serve(root) {
  const requests = [];
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    let file = path.join(root, decodeURIComponent(url.pathname));
    const entry = { path: url.pathname, status: 404 };
    requests.push(entry);
    if (file !== root && !file.startsWith(root + path.sep)) {
      res.writeHead(403).end();
      entry.status = 403;
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
      const body = await readFile(file);
      const type = MIME[path.extname(file)] ?? 'application/octet-stream';
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
      entry.status = 200;
      entry.type = type;
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}`, requests, close: () => new Promise((r) => server.close(r)) };
}

// ---------------------------------------------------------------------------------------
// What the page shows.

/** The error issues shown next to `field` of a form, as { code, text }. */
function issuesAt(page, form, field) {
  return page.$$eval(`#${form}-form [data-issues-for="${field}"] > li.error`, (items) =>
    items.map((li) => ({ code: li.dataset.code, text: li.querySelector('.message').textContent.trim() })),
  );
}

/** Every error issue of a form, as "field: code". */
function allIssues(page, form) {
  return page.$$eval(`#${form}-form [data-issues-for] > li.error`, (items) =>
    items.map((li) => `${li.closest('[data-issues-for]').dataset.issuesFor}: ${li.dataset.code}`),
  );
}

/** Waits until the issue `code` shows next to `field`, checks its text and the field's
 * aria-invalid, and returns the text. */
async function expectIssue(page, form, field, code, text) {
  const item = page.locator(`#${form}-form [data-issues-for="${field}"] > li.error[data-code="${code}"]`);
  try {
    await item.first().waitFor({ timeout: 5000 });
  } catch {
    assert.fail(`no ${code} next to ${form}.${field}; the form shows: ${(await allIssues(page, form)).join(', ')}`);
  }
  const shown = (await item.first().locator('.message').textContent()).trim();
  assert.match(shown, text, `${code} next to ${form}.${field} reads ${JSON.stringify(shown)}`);
  const control = page.locator(`#${form}-form [data-path="${field}"]`).first();
  if ((await control.count()) > 0) {
    assert.equal(await control.getAttribute('aria-invalid'), 'true', `${form}.${field} is marked aria-invalid`);
  }
  return shown;
}

async function submit(page, form) {
  const before = await page.getAttribute(`#${form}-form`, 'data-checks');
  await page.click(`#${form}-form button[type="submit"]`);
  await page.waitForFunction(
    ([selector, previous]) => document.querySelector(selector).dataset.checks !== previous,
    [`#${form}-form`, before],
  );
}

async function setLocale(page, locale) {
  await page.check(`input[name="locale"][value="${locale}"]`);
  await page.waitForFunction((l) => document.documentElement.lang === l, locale);
}

async function expectSuccess(page, form) {
  const panel = page.locator(`#${form}-success`);
  try {
    await panel.waitFor({ state: 'visible', timeout: 5000 });
  } catch {
    assert.fail(`no success for ${form}; the form shows: ${(await allIssues(page, form)).join(', ')}`);
  }
  assert.deepEqual(await allIssues(page, form), [], `no issue is left on the ${form} form`);
  assert.equal(await page.locator(`#${form}-form [aria-invalid="true"]`).count(), 0, 'no field is left invalid');
  return JSON.parse(await panel.locator('[data-checked]').textContent());
}

const HAN = /\p{Script=Han}/u;

// ---------------------------------------------------------------------------------------

test('the demo page checks both forms in headless Chromium', { timeout: 120_000 }, async (t) => {
  assert.ok(
    existsSync(chromiumPath),
    `no Chromium at ${chromiumPath}: run bindings-wasm/scripts/browser-setup.sh (as root), or set CHROMIUM`,
  );
  assert.ok(existsSync(entry), `${path.relative(repoRoot, entry)} is missing: build the package first (bash bindings-wasm/scripts/build.sh)`);
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch (error) {
    assert.fail(`playwright-core is not installed in bindings-wasm/ (npm install): ${error.message}`);
  }

  await mkdir(screenshotDir, { recursive: true });
  const server = await serve(packageRoot);
  t.after(server.close);
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  t.after(() => browser.close());

  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  // Nothing but the local server: the page works from a static file server alone.
  await page.route('**/*', (route) =>
    route.request().url().startsWith(server.url) ? route.continue() : route.abort(),
  );

  await page.goto(`${server.url}/demo/`);
  try {
    await page.waitForSelector('body[data-ready="true"]', { timeout: 20_000 });
  } catch {
    assert.fail(`the page did not get ready: ${await page.textContent('#status')}; ${problems.join('; ')}`);
  }

  await t.test('it loads the wasm from a static server, with the right types', async () => {
    const wasm = server.requests.find((r) => r.path.endsWith('.wasm'));
    assert.ok(wasm, 'the page fetched the .wasm');
    assert.equal(wasm.status, 200);
    assert.equal(wasm.type, 'application/wasm');
    assert.deepEqual(server.requests.filter((r) => r.status !== 200), [], 'every request was served');
    // Today is an input, prefilled from the sample term, never from the clock.
    assert.equal(await page.inputValue('#today'), '2002-10-14');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    // Every control has a label, and what describes it exists.
    const unlabelled = await page.$$eval('form input, form select, form textarea, #today', (controls) =>
      controls
        .filter((c) => c.labels.length === 0 && !c.getAttribute('aria-label'))
        .map((c) => c.id || c.name),
    );
    assert.deepEqual(unlabelled, [], 'controls without a label');
    const dangling = await page.$$eval('[aria-describedby]', (els) =>
      els.flatMap((el) => el.getAttribute('aria-describedby').split(/\s+/).filter((id) => !document.getElementById(id))),
    );
    assert.deepEqual(dangling, [], 'aria-describedby names no missing element');
  });

  await t.test('leave request: wrong, in Chinese, then right', async () => {
    // Li Na asks for leave from the welcome-party rehearsal (its project leader is Sun Li)
    // with no reason and no substitute, approved by the Secretariat's head, who may not.
    await page.selectOption('#leave-member', '2002011');
    await page.selectOption('#leave-event', 'welcome-party-rehearsal-2002');
    await page.fill('#leave-reason', '');
    await page.selectOption('#leave-substitute', '');
    await page.selectOption('#leave-approver', '2001001');
    await page.fill('#leave-requestedAt', '2002-10-14T10:30');
    await submit(page, 'leave');

    await expectIssue(page, 'leave', 'reason', 'leave.no_reason', /reason/i);
    await expectIssue(page, 'leave', 'substitute', 'leave.no_substitute', /substitute/i);
    await expectIssue(page, 'leave', 'approver', 'authority.not_permitted', /2001001.*may not approve/);
    // Every issue at once, each next to its own field, and nothing else.
    assert.deepEqual((await allIssues(page, 'leave')).sort(), [
      'approver: authority.not_permitted',
      'reason: leave.no_reason',
      'substitute: leave.no_substitute',
    ]);
    assert.equal(await page.isVisible('#leave-success'), false, 'no success while issues remain');
    // The fields without problems have none.
    for (const field of ['member', 'event', 'requestedAt']) {
      assert.deepEqual(await issuesAt(page, 'leave', field), [], `nothing next to ${field}`);
    }

    // The same issues in Simplified Chinese, re-checked as the language changes.
    await setLocale(page, 'zh-Hans');
    const zhSubstitute = await expectIssue(page, 'leave', 'substitute', 'leave.no_substitute', /替班人/);
    await expectIssue(page, 'leave', 'reason', 'leave.no_reason', /请假理由/);
    await expectIssue(page, 'leave', 'approver', 'authority.not_permitted', /无权/);
    assert.doesNotMatch(zhSubstitute, /substitute/i);
    assert.equal(await page.textContent('#leave-heading'), '请假申请', "the page's own labels follow");

    // And in Traditional Chinese, in Taiwan's words (代班人, not 替班人).
    await setLocale(page, 'zh-Hant');
    await expectIssue(page, 'leave', 'substitute', 'leave.no_substitute', /代班人/);
    await expectIssue(page, 'leave', 'reason', 'leave.no_reason', /請假事由/);
    assert.equal(await page.textContent('#leave-heading'), '請假申請');
    await setLocale(page, 'zh-Hans');

    // Corrected: a reason, Zhang Wei stands in, Sun Li (the rehearsal's leader) approves.
    await page.fill('#leave-reason', '物理期中考试 Physics mid-term exam');
    await page.selectOption('#leave-substitute', '2002012');
    await page.selectOption('#leave-approver', '2000002');
    await submit(page, 'leave');
    const data = await expectSuccess(page, 'leave');
    assert.equal(data.member, '2002011');
    assert.equal(data.substitute, '2002012');
    assert.equal(data.approver, '2000002');
    await setLocale(page, 'en');
  });

  await t.test('leave request: an issue about no field is at ["root"], below the form', async () => {
    // The leave form is checked through its Standard Schema (leaveRequestSchema).
    assert.equal(await page.getAttribute('#leave-form', 'data-via'), 'standard-schema');
    // Without today its check cannot run: the issue is about the options, not a field, so
    // its path is ["root"] and it shows in the form's own list, no field marked invalid.
    await page.fill('#today', '');
    await page.dispatchEvent('#today', 'change');
    await submit(page, 'leave');
    const root = page.locator('#leave-form [data-issues-for=""] > li.error[data-code="input.invalid"]');
    try {
      await root.first().waitFor({ timeout: 5000 });
    } catch {
      assert.fail(`no root issue on the leave form; it shows: ${(await allIssues(page, 'leave')).join(', ')}`);
    }
    assert.equal(await root.first().getAttribute('data-path'), 'root');
    assert.match(await root.first().locator('.message').textContent(), /today/);
    assert.deepEqual(await allIssues(page, 'leave'), [': input.invalid']);
    const marked = await page.$$eval('#leave-form [aria-invalid="true"]', (els) => els.map((e) => e.id || e.outerHTML));
    assert.deepEqual(marked, [], 'no field is marked invalid');
    assert.equal(await page.isVisible('#leave-success'), false);
    // Today again: the same form stands.
    await page.fill('#today', '2002-10-14');
    await page.dispatchEvent('#today', 'change');
    await submit(page, 'leave');
    await expectSuccess(page, 'leave');
  });

  await t.test('activity plan: wrong, in Chinese, then right', async () => {
    // A robot contest on the innovation-competition line (200-300 yuan): no purpose, a
    // start before today (14 October 2002), a budget with three decimal places, a risk
    // without its countermeasure, and a notice received 13 days ago (the plan is due 3-4
    // days after it).
    await page.fill('#plan-id', 'robot-contest-2002');
    await page.fill('#plan-title', 'Robot contest 机器人大赛');
    await page.selectOption('#plan-line', 'innovation_competition');
    await page.selectOption('#plan-department', 'Science and Technology');
    await page.selectOption('#plan-projectLeader', '2001004');
    await page.fill('#plan-purpose', '');
    await page.fill('#plan-start', '2002-10-01');
    await page.fill('#plan-end', '2002-10-20');
    await page.fill('#plan-participants', 'Grade 01 01级\nGrade 02 02级');
    await page.fill('#plan-budget', '350.005');
    await page.fill('#plan-feasibility', 'Many members build robots already. 已有成员在做机器人。');
    await page.fill('#plan-risks-0-risk', 'Too few teams 参赛队伍太少');
    await page.fill('#plan-risks-0-countermeasure', '');
    await page.fill('#plan-noticeReceived', '2002-10-01');
    await submit(page, 'plan');

    await expectIssue(page, 'plan', 'purpose', 'activity.missing_field', /purpose/i);
    await expectIssue(page, 'plan', 'start', 'activity.starts_before_submission', /2002-10-01/);
    await expectIssue(page, 'plan', 'budget', 'budget.too_many_decimals', /decimal/i);
    await expectIssue(page, 'plan', 'risks.0.countermeasure', 'activity.risk_without_countermeasure', /countermeasure/i);
    await expectIssue(page, 'plan', 'noticeReceived', 'activity.submission_late', /2002-10-05/);
    assert.deepEqual((await allIssues(page, 'plan')).sort(), [
      'budget: budget.too_many_decimals',
      'noticeReceived: activity.submission_late',
      'purpose: activity.missing_field',
      'risks.0.countermeasure: activity.risk_without_countermeasure',
      'start: activity.starts_before_submission',
    ]);
    for (const field of ['id', 'title', 'line', 'projectLeader', 'end', 'participants', 'feasibility']) {
      assert.deepEqual(await issuesAt(page, 'plan', field), [], `nothing next to ${field}`);
    }

    // In Chinese; then a budget over the line's maximum (300 yuan), and over what the
    // year's cap has left (320 of 500), is refused in Chinese.
    await setLocale(page, 'zh-Hans');
    await expectIssue(page, 'plan', 'purpose', 'activity.missing_field', /活动目的/);
    await expectIssue(page, 'plan', 'budget', 'budget.too_many_decimals', HAN);
    await page.fill('#plan-budget', '350.00');
    await submit(page, 'plan');
    await expectIssue(page, 'plan', 'budget', 'budget.over_line_max', /300/);
    await expectIssue(page, 'plan', 'budget', 'budget.over_annual_cap', /500\.00/);
    const overMax = (await issuesAt(page, 'plan', 'budget')).find((i) => i.code === 'budget.over_line_max');
    assert.match(overMax.text, HAN);
    await page.screenshot({ path: path.join(screenshotDir, 'demo-screenshot-issues.png'), fullPage: true });

    // A second, blank risk row: its issues name row 1, and removing the row removes them.
    await page.click('#add-risk');
    await submit(page, 'plan');
    await expectIssue(page, 'plan', 'risks.1.risk', 'activity.missing_field', HAN);
    await page.click('#risk-rows > li:nth-child(2) .remove-risk');
    await submit(page, 'plan');
    const left = await allIssues(page, 'plan');
    assert.ok(!left.some((i) => i.includes('risks.1') || i.startsWith(': ')), `no issue of the removed row: ${left}`);
    assert.equal(await page.locator('#risk-rows > li').count(), 1);

    // Corrected: a purpose, a countermeasure, a start after today, the notice 4 days ago,
    // 280.00 yuan: accepted, with a warning that the year's commitments near the cap.
    await page.fill('#plan-purpose', 'A robot contest for first-year students. 面向新生的机器人比赛。');
    await page.fill('#plan-risks-0-countermeasure', 'Invite the science fiction club 邀请科幻协会');
    await page.fill('#plan-start', '2002-11-20');
    await page.fill('#plan-end', '2002-11-27');
    await page.fill('#plan-noticeReceived', '2002-10-10');
    await page.fill('#plan-budget', '280.00');
    await submit(page, 'plan');
    const data = await expectSuccess(page, 'plan');
    assert.equal(data.id, 'robot-contest-2002');
    assert.equal(data.budget, '280.00', 'money comes back as a decimal string');
    assert.deepEqual(data.participants, ['Grade 01 01级', 'Grade 02 02级']);
    assert.equal(data.noticeReceived, '2002-10-10');
    const warning = page.locator('#plan-success [data-warnings] li[data-code="budget.near_annual_cap"]');
    assert.equal(await warning.count(), 1, 'the near-cap warning shows with the success');
    assert.match(await warning.locator('.message').textContent(), HAN);

    // Today is passed in: on 25 November the same plan starts before its submission.
    await setLocale(page, 'en');
    await page.fill('#today', '2002-11-25');
    await page.dispatchEvent('#today', 'change');
    await expectIssue(page, 'plan', 'start', 'activity.starts_before_submission', /2002-11-20/);
    await page.fill('#today', '2002-10-14');
    await page.dispatchEvent('#today', 'change');
    await expectSuccess(page, 'plan');
  });

  await t.test('the standing and budget panels show the computations', async () => {
    // Zhao Qiang was late twice in the sample term: expelled.
    await page.selectOption('#leave-member', '2002013');
    await page.waitForFunction(() => /expelled/i.test(document.querySelector('#standing-panel').textContent));
    assert.equal(await page.getAttribute('#standing-panel', 'data-error'), null);
    const budget = await page.textContent('#budget-panel');
    assert.match(budget, /500\.00/, 'the annual cap shows');
    assert.equal(await page.getAttribute('#budget-panel', 'data-error'), null);
  });

  await page.evaluate(() => document.activeElement?.blur());
  await page.screenshot({ path: path.join(screenshotDir, 'demo-screenshot.png'), fullPage: true });
  assert.deepEqual(problems, [], 'no page or console errors');
});
