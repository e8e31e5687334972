/**
 * A filer's answer to a warning: a text box under each warning of a check, read when the report is filed.
 * Each box carries the key the check's answer gave its finding, so the same report checked again asks about
 * the same warnings and the API reads each explanation against the finding it names.
 */
import { el } from './elements.js';

/** The grade of a rule as the check answered it (强制 / 准强制 / 核实性), and its explanation's length. */
function ruleOf(rules, code) {
  return rules?.[code] ?? { gradeLabel: '', explanationChars: { min: 1, max: 500 } };
}

/** The text box of one warning, numbered by its place in the list. */
export function explanationField(finding, index, rules) {
  const id = `explanation-${index + 1}`;
  const { gradeLabel, explanationChars } = ruleOf(rules, finding.code);
  const needed =
    explanationChars.min > 1
      ? `这是${gradeLabel}检查：确认数字无误的，请至少用 ${explanationChars.min} 个字写明原因。`
      : '确认无误的，可写明原因。';
  const area = el('textarea', {
    id,
    class: 'explanation-input',
    rows: '2',
    maxlength: String(explanationChars.max),
    'data-key': finding.key,
    'data-min': String(explanationChars.min),
    'aria-describedby': `${id}-hint ${id}-error`,
  });
  return el(
    'div',
    { class: 'explanation' },
    el('label', { for: id }, '对此警告的说明（可选，将随报告公开）'),
    area,
    el(
      'p',
      { id: `${id}-hint`, class: 'hint' },
      `${needed}说明会显示在公开页面的对应位置，最多 ${explanationChars.max} 字。`,
    ),
    el('p', { id: `${id}-error`, class: 'form-error', role: 'alert', hidden: true }),
  );
}

function inputs(root) {
  return [...root.querySelectorAll('textarea.explanation-input')];
}

/** The explanations typed under the warnings, by finding key; blank boxes are left out. */
export function typedExplanations(root) {
  const explanations = {};
  for (const area of inputs(root)) {
    const text = area.value.trim();
    if (text !== '') explanations[area.dataset.key] = text;
  }
  return explanations;
}

function markInvalid(area, message) {
  const error = document.getElementById(`${area.id}-error`);
  area.setAttribute('aria-invalid', message ? 'true' : 'false');
  if (!error) return;
  error.textContent = message ?? '';
  error.hidden = !message;
}

/** Checks the lengths the check asked for before sending; returns the first box that is too short. */
export function tooShortExplanation(root) {
  let first = null;
  for (const area of inputs(root)) {
    const length = [...area.value.trim()].length;
    const min = Number(area.dataset.min ?? '1');
    const short = length > 0 && length < min;
    markInvalid(area, short ? `说明太短：至少 ${min} 个字，请写明具体原因。` : null);
    if (short && first === null) first = area;
  }
  return first;
}

/** Shows the API's refusal of one explanation beside its box; false when no box has that key. */
export function showRefusedExplanation(root, key, message) {
  const area = inputs(root).find((a) => a.dataset.key === key);
  if (!area) return false;
  markInvalid(area, message);
  area.focus();
  return true;
}
