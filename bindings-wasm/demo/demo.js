// The demo page's script: no framework, no bundler. It turns each form into the plain object
// the wasm binding takes, calls the check, and shows what comes back: every issue next to the
// field its path names, or the checked data. The leave request goes through its Standard Schema
// (`leaveRequestSchema`, what a form library such as react-hook-form takes), the activity plan
// through its check (`checkActivityPlan`, with warnings). Every rule is the Rust core's; this
// file only converts and displays.
import init, * as secretariat from '../pkg/forms/web/index.js';

/** The page's own words; the rules' messages come from the core in the chosen locale. */
const TEXT = {
  en: {
    title: 'Secretariat: form checks in the browser',
    lead: "The student union's rules, compiled to WebAssembly, check these forms in the page itself: every problem at once, each next to its field.",
    language: 'Language',
    today: 'Today',
    todayHint: "The rules are judged on this day (the sample term's date); the page never reads the clock.",
    loading: 'Loading the rules…',
    ready: 'Rules loaded: {term}.',
    loadFailed: 'The rules could not be loaded: {error}',
    leaveHeading: 'Leave request',
    leaveHint: "Arrange a substitute, give a reason, and ask the event's project leader (or, failing one, your department head) before the event starts.",
    schemaHint: 'Checked through its Standard Schema, leaveRequestSchema(term, options): the interface react-hook-form, TanStack Form and other form libraries take. An issue about no field (the term, the options) is at the path ["root"], below the form.',
    member: 'Member',
    event: 'Event',
    reason: 'Reason',
    substitute: 'Substitute',
    approver: 'Approver',
    requestedAt: 'Requested at',
    noSubstitute: '(none)',
    choose: '(choose)',
    checkLeave: 'Check the request',
    standingHeading: "The member's standing",
    leaveOk: 'The request stands: it may be approved.',
    planHeading: 'Activity plan',
    planHint: "A plan before the activity: its purpose, participants, budget within its line and the year's cap, feasibility, risks and countermeasures, submitted in time.",
    id: 'Activity id',
    idHint: 'Lower-case letters, digits and hyphens, e.g. robot-contest-2002.',
    planTitle: 'Title',
    line: 'Budget line',
    department: 'Department',
    projectLeader: 'Project leader',
    purpose: 'Purpose',
    start: 'Start',
    end: 'End',
    noticeReceived: 'Notice received (optional)',
    participants: 'Participants (one per line)',
    budget: 'Budget (yuan)',
    budgetHint: 'An exact amount with at most two decimal places; it stays a decimal string, never a float.',
    feasibility: 'Feasibility',
    risks: 'Risks and countermeasures',
    risk: 'Risk',
    countermeasure: 'Countermeasure',
    addRisk: 'Add a risk',
    removeRisk: 'Remove',
    checkPlan: 'Check the plan',
    budgetHeading: 'Budget remaining',
    planOk: 'The plan may be submitted.',
    warning: 'Warning',
    footer: "Every rule is the Rust core's (crate secretariat); this page only converts the form to plain objects and shows what comes back.",
    unavailable: 'Not available: {error}',
    chooseMember: 'Choose a member to see their standing.',
    status: 'Status',
    status_good: 'good',
    status_warning: 'warning',
    status_expelled: 'expelled',
    lateness: 'Late or left early',
    absences: 'Unexcused absences',
    excused: 'Excused absences',
    window: 'Counted over',
    next: 'Next',
    next_lateness: '{n} more late arrival(s) or early leave(s): {outcome}',
    next_absence: '{n} more unexcused absence(s): {outcome}',
    counter_lateness: 'late or left early',
    counter_absence: 'unexcused absences',
    annualCap: 'Annual cap',
    committed: 'Committed',
    spent: 'Spent',
    remaining: 'Remaining',
    committedPercent: '{percent}% of the cap committed',
  },
  'zh-Hans': {
    title: '秘书处：浏览器中的表单检查',
    lead: '学生会的规则编译为 WebAssembly，在页面内检查这些表单：一次列出全部问题，每个问题显示在对应字段旁。',
    language: '语言',
    today: '今天',
    todayHint: '规则按此日期判断（示例学期的日期）；页面从不读取系统时钟。',
    loading: '正在加载规则……',
    ready: '规则已加载：{term}。',
    loadFailed: '无法加载规则：{error}',
    leaveHeading: '请假申请',
    leaveHint: '须安排替班人、说明理由，并在活动开始前向本次活动的项目负责人（没有负责人时向本部门部长）请假。',
    schemaHint: '通过其 Standard Schema（leaveRequestSchema(term, options)）检查：react-hook-form、TanStack Form 等表单库使用的接口。与具体字段无关的问题（学期数据、选项）的路径为 ["root"]，显示在表单下方。',
    member: '请假人',
    event: '活动',
    reason: '理由',
    substitute: '替班人',
    approver: '批准人',
    requestedAt: '申请时间',
    noSubstitute: '（无）',
    choose: '（请选择）',
    checkLeave: '检查请假申请',
    standingHeading: '成员考勤状况',
    leaveOk: '请假申请成立，可以批准。',
    planHeading: '活动策划',
    planHint: '活动前须有策划：目的、参加人员、在经费项目与年度上限之内的预算、可行性分析、风险与对策，并按时提交。',
    id: '活动编号',
    idHint: '小写字母、数字和连字符，例如 robot-contest-2002。',
    planTitle: '标题',
    line: '经费项目',
    department: '组织部门',
    projectLeader: '项目负责人',
    purpose: '活动目的',
    start: '开始日期',
    end: '结束日期',
    noticeReceived: '收到通知日期（可选）',
    participants: '参加人员（每行一项）',
    budget: '预算（元）',
    budgetHint: '精确金额，最多两位小数；始终是十进制字符串，绝不是浮点数。',
    feasibility: '可行性分析',
    risks: '风险与对策',
    risk: '风险',
    countermeasure: '对策',
    addRisk: '添加风险',
    removeRisk: '删除',
    checkPlan: '检查活动策划',
    budgetHeading: '经费余额',
    planOk: '活动策划可以提交。',
    warning: '提醒',
    footer: '所有规则都在 Rust 核心（secretariat 库）中；本页只把表单转换为普通对象并显示结果。',
    unavailable: '无法显示：{error}',
    chooseMember: '选择一名成员以查看其考勤状况。',
    status: '状态',
    status_good: '良好',
    status_warning: '警告',
    status_expelled: '除名',
    lateness: '迟到或早退',
    absences: '无故缺席',
    excused: '准假缺席',
    window: '统计期间',
    next: '下一次',
    next_lateness: '再迟到或早退 {n} 次：{outcome}',
    next_absence: '再无故缺席 {n} 次：{outcome}',
    counter_lateness: '迟到或早退',
    counter_absence: '无故缺席',
    annualCap: '年度上限',
    committed: '已占用',
    spent: '已支出',
    remaining: '余额',
    committedPercent: '已占用上限的 {percent}%',
  },
  'zh-Hant': {
    title: '秘書處：瀏覽器中的表單檢查',
    lead: '學生會的規則編譯成 WebAssembly，直接在頁面中檢查這些表單：一次列出所有問題，每個問題都顯示在對應的欄位旁。',
    language: '語言',
    today: '今天',
    todayHint: '規則依此日期判斷（範例學期的日期）；頁面從不讀取系統時鐘。',
    loading: '正在載入規則……',
    ready: '規則已載入：{term}。',
    loadFailed: '無法載入規則：{error}',
    leaveHeading: '請假申請',
    leaveHint: '須安排代班人、寫明事由，並在活動開始前向本次活動的負責人（沒有負責人時向所屬部門的部長）請假。',
    schemaHint: '透過它的 Standard Schema（leaveRequestSchema(term, options)）檢查：也就是 react-hook-form、TanStack Form 等表單函式庫使用的介面。與個別欄位無關的問題（學期資料、選項）路徑為 ["root"]，顯示在表單下方。',
    member: '請假人',
    event: '活動',
    reason: '事由',
    substitute: '代班人',
    approver: '核准人',
    requestedAt: '申請時間',
    noSubstitute: '（無）',
    choose: '（請選擇）',
    checkLeave: '檢查請假申請',
    standingHeading: '成員出缺勤狀況',
    leaveOk: '請假申請成立，可以核准。',
    planHeading: '活動企劃書',
    planHint: '活動前須提出企劃書：目的、參加人員、在經費科目與年度上限之內的預算、可行性分析、風險與因應措施，並按時送審。',
    id: '活動編號',
    idHint: '小寫英文字母、數字和連字號，例如 robot-contest-2002。',
    planTitle: '標題',
    line: '經費科目',
    department: '主辦部門',
    projectLeader: '活動負責人',
    purpose: '活動目的',
    start: '開始日期',
    end: '結束日期',
    noticeReceived: '收到通知日期（選填）',
    participants: '參加人員（每行一項）',
    budget: '預算（元）',
    budgetHint: '精確金額，最多到小數點後兩位；一律是十進位字串，絕不是浮點數。',
    feasibility: '可行性分析',
    risks: '風險與因應措施',
    risk: '風險',
    countermeasure: '因應措施',
    addRisk: '新增風險',
    removeRisk: '刪除',
    checkPlan: '檢查活動企劃書',
    budgetHeading: '經費餘額',
    planOk: '活動企劃書可以送審。',
    warning: '提醒',
    footer: '所有規則都在 Rust 核心（secretariat 函式庫）中；這個頁面只把表單轉成一般物件並顯示結果。',
    unavailable: '無法顯示：{error}',
    chooseMember: '選擇一位成員以查看其出缺勤狀況。',
    status: '狀態',
    status_good: '良好',
    status_warning: '警告',
    status_expelled: '除名',
    lateness: '遲到或早退',
    absences: '無故缺席',
    excused: '請假缺席',
    window: '統計期間',
    next: '下一次',
    next_lateness: '再遲到或早退 {n} 次：{outcome}',
    next_absence: '再無故缺席 {n} 次：{outcome}',
    counter_lateness: '遲到或早退',
    counter_absence: '無故缺席',
    annualCap: '年度上限',
    committed: '已動用',
    spent: '已支出',
    remaining: '餘額',
    committedPercent: '已動用上限的 {percent}%',
  },
};

const state = {
  locale: 'en',
  /** The status line: a text key and its parameters, redrawn when the locale changes. */
  status: { key: 'loading', params: {} },
  context: null,
  /** Forms the user has checked at least once: re-checked when the locale or today changes. */
  checked: new Set(),
};

const $ = (selector, root = document) => root.querySelector(selector);
const $$ = (selector, root = document) => [...root.querySelectorAll(selector)];

function t(key, params = {}) {
  const text = TEXT[state.locale][key] ?? TEXT.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(params[name] ?? ''));
}

function applyTexts() {
  document.documentElement.lang = state.locale;
  document.title = t('title');
  for (const el of $$('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const option of $$('option[data-i18n-option]')) option.textContent = t(option.dataset.i18nOption);
  $('#status').textContent = t(state.status.key, state.status.params);
}

function setStatus(key, params = {}) {
  state.status = { key, params };
  const status = $('#status');
  status.dataset.state = key;
  status.textContent = t(key, params);
}

function options() {
  return { today: $('#today').value, locale: state.locale };
}

// ---------------------------------------------------------------------------------------
// The forms as plain objects (camelCase keys, dates and money as strings).

/** `YYYY-MM-DDTHH:MM:SS`: a datetime-local input drops zero seconds. */
function fullDateTime(value) {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? `${value}:00` : value;
}

function fieldValue(control) {
  if (control.dataset.lines !== undefined) {
    return control.value.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  }
  if (control.type === 'datetime-local') return fullDateTime(control.value);
  return control.value;
}

/** The form's named controls as an object; empty optional fields are left out. */
function formObject(form) {
  const object = {};
  for (const control of $$('[name][data-path]', form)) {
    const value = fieldValue(control);
    if (control.dataset.optional !== undefined && value === '') continue;
    object[control.name] = value;
  }
  return object;
}

function planObject(form) {
  const plan = formObject(form);
  // Every row as it stands, blank ones too: an issue's path (risks.N) names row N.
  plan.risks = $$('.risk-row', form).map((row) => ({
    risk: $('[data-risk-part="risk"]', row).value,
    countermeasure: $('[data-risk-part="countermeasure"]', row).value,
  }));
  return plan;
}

// ---------------------------------------------------------------------------------------
// Showing a result.

/** A path segment as the page names fields: the binding's own (camelCase field names, array
 * indexes as numbers), joined with dots: ["risks", 0, "countermeasure"] is risks.0.countermeasure. */
const segment = (part) => String(part);

/** The issue box for a path: the longest prefix of it some box is for, else the form's list. */
function issueBox(form, path) {
  const keys = (path ?? []).map(segment);
  for (let n = keys.length; n > 0; n -= 1) {
    const box = form.querySelector(`[data-issues-for="${CSS.escape(keys.slice(0, n).join('.'))}"]`);
    if (box) return box;
  }
  return form.querySelector('[data-issues-for=""]');
}

/** The controls a path names: the longest prefix naming any, and every control under it. */
function controlsFor(form, path) {
  const keys = (path ?? []).map(segment);
  // Form controls only: an issue's list item carries its path as data-path too.
  const controls = $$('input[data-path], select[data-path], textarea[data-path]', form);
  for (let n = keys.length; n > 0; n -= 1) {
    const key = keys.slice(0, n).join('.');
    const hit = controls.filter((c) => c.dataset.path === key || c.dataset.path.startsWith(`${key}.`));
    if (hit.length > 0) return hit;
  }
  return [];
}

function issueItem(issue, severity) {
  const li = document.createElement('li');
  li.dataset.code = issue.code;
  li.dataset.severity = severity;
  li.dataset.path = (issue.path ?? []).map(segment).join('.');
  li.className = severity;
  if (severity === 'warning') {
    const tag = document.createElement('span');
    tag.className = 'tag';
    tag.textContent = `${t('warning')}: `;
    li.append(tag);
  }
  const message = document.createElement('span');
  message.className = 'message';
  message.textContent = issue.message;
  li.append(message);
  const code = document.createElement('code');
  code.className = 'code';
  code.textContent = issue.code;
  li.append(' ', code);
  return li;
}

function clearResult(form, success) {
  for (const box of $$('[data-issues-for]', form)) box.replaceChildren();
  for (const control of $$('[aria-invalid]', form)) control.removeAttribute('aria-invalid');
  form.removeAttribute('data-result');
  success.hidden = true;
}

function showResult(form, success, result) {
  clearResult(form, success);
  const warnings = result.warnings ?? [];
  if (result.success) {
    form.dataset.result = 'success';
    $('[data-warnings]', success).replaceChildren(...warnings.map((w) => issueItem(w, 'warning')));
    $('[data-checked]', success).textContent = JSON.stringify(result.data, null, 2);
    success.hidden = false;
    return;
  }
  form.dataset.result = 'issues';
  for (const issue of result.issues) {
    issueBox(form, issue.path).append(issueItem(issue, 'error'));
    for (const control of controlsFor(form, issue.path)) control.setAttribute('aria-invalid', 'true');
  }
  for (const warning of warnings) issueBox(form, warning.path).append(issueItem(warning, 'warning'));
}

/** A thrown error (a JS `Error` with `code` and `path`) shown as a form-level issue. */
function showThrown(form, success, error) {
  clearResult(form, success);
  form.dataset.result = 'error';
  const issue = { code: error?.code ?? 'demo.error', path: [], message: String(error?.message ?? error) };
  issueBox(form, []).append(issueItem(issue, 'error'));
}

// ---------------------------------------------------------------------------------------
// The two forms.

/** Validates `value` with a Standard Schema (`schema['~standard'].validate`, synchronous here)
 * and gives the result as the page shows a check's: the value, or every issue (a Standard
 * Schema has no warnings). */
function validateWith(schema, value) {
  const result = schema['~standard'].validate(value);
  if (result.issues) return { success: false, issues: result.issues, warnings: [] };
  return { success: true, data: result.value, warnings: [] };
}

const FORMS = {
  leave: {
    form: () => $('#leave-form'),
    success: () => $('#leave-success'),
    check: (form) =>
      validateWith(secretariat.leaveRequestSchema(state.context, options()), formObject(form)),
  },
  plan: {
    form: () => $('#plan-form'),
    success: () => $('#plan-success'),
    check: (form) => secretariat.checkActivityPlan(planObject(form), state.context, options()),
  },
};

function runCheck(name) {
  const { form, success, check } = FORMS[name];
  state.checked.add(name);
  // A counter of checks, so a reader (or a test) can tell a new result from the last one.
  form().dataset.checks = String(Number(form().dataset.checks ?? 0) + 1);
  try {
    showResult(form(), success(), check(form()));
  } catch (error) {
    showThrown(form(), success(), error);
  }
  const focus = form().dataset.result === 'success' ? success() : $('[aria-invalid="true"]', form());
  return focus;
}

// ---------------------------------------------------------------------------------------
// The computations a form page shows.

function dl(rows) {
  const list = document.createElement('dl');
  for (const [term, value] of rows) {
    if (value === undefined || value === null || value === '') continue;
    const dt = document.createElement('dt');
    dt.textContent = term;
    const dd = document.createElement('dd');
    if (value instanceof Node) dd.append(value);
    else dd.textContent = String(value);
    list.append(dt, dd);
  }
  return list;
}

function element(tag, className, text) {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text !== undefined) el.textContent = text;
  return el;
}

function showPanel(panel, render) {
  const body = $('[data-panel-body]', panel);
  try {
    body.replaceChildren(...render());
    panel.removeAttribute('data-error');
  } catch (error) {
    panel.dataset.error = error?.code ?? 'error';
    body.replaceChildren(element('p', 'panel-error', t('unavailable', { error: error?.message ?? error })));
  }
}

/** A standing as the core computed it: status, counters against their limits, the rule and
 * the dates behind each, and what the next offence would do. */
function standingView(standing) {
  const badge = element('span', `badge ${standing.status}`, t(`status_${standing.status}`));
  badge.dataset.status = standing.status;
  const counts = standing.counts ?? {};
  const rows = [
    [t('status'), badge],
    [t('lateness'), counts.lateness],
    [t('absences'), counts.absences],
    [t('excused'), counts.excused],
  ];
  if (standing.window) rows.push([t('window'), `${standing.window.start} – ${standing.window.end}`]);
  const next = standing.nextConsequence;
  if (next) rows.push([t('next'), t(`next_${next.counter}`, { n: next.remaining, outcome: t(`status_${next.outcome}`) })]);
  const views = [dl(rows)];
  if (standing.explanation) views.push(element('p', 'explain', standing.explanation));
  const reasons = element('ul', 'reasons');
  for (const reason of standing.reasons ?? []) {
    const dates = (reason.records ?? []).map((r) => r.date).join(', ');
    const counter = reason.counter ? t(`counter_${reason.counter}`) : t(`status_${reason.outcome}`);
    const text = reason.counter ? `${counter}: ${reason.count}/${reason.limit}${dates ? ` (${dates})` : ''}` : counter;
    const li = element('li', '', text);
    li.append(' ', element('cite', '', reason.rule?.article ?? ''));
    reasons.append(li);
  }
  if (reasons.childElementCount > 0) views.push(reasons);
  return views;
}

/** The year against its cap, as the core computed it (decimal strings, shown as given). */
function budgetView(remaining) {
  const cap = remaining.cap ?? remaining;
  const views = [
    dl([
      [t('annualCap'), cap.annualCap],
      [t('committed'), cap.committed],
      [t('spent'), cap.spent],
      [t('remaining'), cap.remaining],
    ]),
  ];
  if (cap.committedPercent !== undefined && cap.committedPercent !== null) {
    const meter = element('div', 'meter');
    meter.setAttribute('role', 'img');
    meter.setAttribute('aria-label', t('committedPercent', { percent: cap.committedPercent }));
    const bar = element('span');
    bar.style.width = `${Math.min(100, Number.parseFloat(cap.committedPercent))}%`; // display only
    if (cap.warning) meter.dataset.warning = 'true';
    meter.append(bar);
    views.push(meter, element('p', 'explain', t('committedPercent', { percent: cap.committedPercent })));
  }
  if (cap.rule?.article) views.push(element('p', 'explain', cap.rule.article));
  return views;
}

function refreshStanding() {
  const member = $('#leave-member').value;
  showPanel($('#standing-panel'), () => {
    if (!member) return [element('p', 'explain', t('chooseMember'))];
    return standingView(secretariat.memberStanding(member, state.context, options()));
  });
}

function refreshBudget() {
  showPanel($('#budget-panel'), () => budgetView(secretariat.budgetRemaining(state.context, options())));
}

function refreshAll() {
  if (!state.context) return;
  refreshStanding();
  refreshBudget();
  for (const name of state.checked) runCheck(name);
}

// ---------------------------------------------------------------------------------------
// Filling the selects from the sample term, and the risk rows.

function fillSelect(select, items, { empty } = {}) {
  const current = select.value;
  const opts = [];
  if (empty) {
    const none = document.createElement('option');
    none.value = '';
    none.dataset.i18nOption = empty;
    none.textContent = t(empty);
    opts.push(none);
  }
  for (const { value, label } of items) {
    const option = document.createElement('option');
    option.value = value;
    option.textContent = label;
    opts.push(option);
  }
  select.replaceChildren(...opts);
  if (items.some((i) => i.value === current)) select.value = current;
}

function fillFromContext(context) {
  const members = (context.members ?? []).map((m) => ({ value: m.id, label: `${m.name} (${m.id})` }));
  fillSelect($('#leave-member'), members, { empty: 'choose' });
  fillSelect($('#leave-substitute'), members, { empty: 'noSubstitute' });
  fillSelect($('#leave-approver'), members, { empty: 'choose' });
  fillSelect($('#plan-projectLeader'), members, { empty: 'choose' });
  fillSelect($('#leave-event'), termEvents(context), { empty: 'choose' });
  const departments = [...new Set((context.members ?? []).map((m) => m.department))];
  fillSelect($('#plan-department'), departments.map((d) => ({ value: d, label: d })), { empty: 'choose' });
  fillSelect($('#plan-line'), budgetLines(context), { empty: 'choose' });
}

const when = (datetime) => datetime.replace('T', ' ').replace(/:00$/, '');

/** The term's events and its weekly regular meetings (which the rulebook schedules), by start. */
function termEvents(context) {
  const events = (context.events ?? []).map((e) => ({ start: e.start, value: e.id, label: `${e.title} · ${when(e.start)}` }));
  if (context.meetings) {
    const title = context.meetings.title ?? 'Regular meeting';
    for (const m of secretariat.regularMeetings(context.calendar)) {
      events.push({ start: m.start, value: m.id, label: `${title} · ${when(m.start)}` });
    }
  }
  return events.sort((a, b) => a.start.localeCompare(b.start));
}

/** The rulebook's budget lines with their ranges (the sample's lines when it cannot say). */
function budgetLines(context) {
  const lines = secretariat.defaultRulebook().budget?.lines;
  if (lines) {
    return Object.entries(lines).map(([id, line]) => ({ value: id, label: `${line.title} (${line.min}–${line.max})` }));
  }
  const ids = new Set();
  for (const op of context.budgetYear?.operations ?? []) {
    if (op.draft?.plan?.line) ids.add(op.draft.plan.line);
  }
  return [...ids].map((id) => ({ value: id, label: id }));
}

function renumberRisks() {
  $$('.risk-row', $('#risk-rows')).forEach((row, index) => {
    for (const part of ['risk', 'countermeasure']) {
      const input = $(`[data-risk-part="${part}"]`, row);
      const id = `plan-risks-${index}-${part}`;
      input.id = id;
      input.dataset.path = `risks.${index}.${part}`;
      input.setAttribute('aria-describedby', `${id}-issues plan-risks-issues`);
      const label = input.previousElementSibling;
      label.htmlFor = id;
      const box = $(`[data-issues-part="${part}"]`, row);
      box.id = `${id}-issues`;
      box.dataset.issuesFor = `risks.${index}.${part}`;
    }
    // An issue about a row as a whole (path risks.N) has no box of its own: it goes to the
    // risks' box below the rows.
  });
}

function addRisk(values = {}) {
  const row = $('#risk-row').content.firstElementChild.cloneNode(true);
  for (const el of $$('[data-i18n]', row)) el.textContent = t(el.dataset.i18n);
  $('[data-risk-part="risk"]', row).value = values.risk ?? '';
  $('[data-risk-part="countermeasure"]', row).value = values.countermeasure ?? '';
  $('.remove-risk', row).addEventListener('click', () => {
    row.remove();
    renumberRisks();
  });
  $('#risk-rows').append(row);
  renumberRisks();
  return row;
}

// ---------------------------------------------------------------------------------------

async function main() {
  applyTexts();
  try {
    await init();
    state.context = secretariat.sampleTerm();
  } catch (error) {
    setStatus('loadFailed', { error: error?.message ?? error });
    throw error;
  }
  const today = $('#today');
  if (!today.value) today.value = state.context.asOf ?? '';
  fillFromContext(state.context);
  addRisk();

  for (const radio of $$('input[name="locale"]')) {
    radio.addEventListener('change', () => {
      state.locale = radio.value;
      applyTexts();
      refreshAll();
    });
  }
  today.addEventListener('change', refreshAll);
  $('#leave-member').addEventListener('change', refreshStanding);
  $('#add-risk').addEventListener('click', () => $('[data-risk-part="risk"]', addRisk()).focus());

  for (const name of Object.keys(FORMS)) {
    const form = FORMS[name].form();
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      runCheck(name)?.focus();
    });
    // Once checked, a form is re-checked as it changes, so corrected fields clear at once.
    form.addEventListener('change', () => {
      if (state.checked.has(name)) runCheck(name);
    });
  }

  refreshStanding();
  refreshBudget();
  setStatus('ready', { term: state.context.title });
  document.body.dataset.ready = 'true';
}

main();
