import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dueDate, isOverdue, parseHolidays } from '../../bff/domain/deadlines.js';
import { localDate } from '../../contract/time.js';

const BRASILIA = 'America/Sao_Paulo';
import { isValidCpf, validateFormData } from '../../contract/form-fields.js';

test('calendar days count every day; the deadline ends at 23:59:59 Brasília', () => {
  const due = dueDate(new Date('2026-11-27T23:30:00Z'), { days: 30, kind: 'calendar' }, new Set(), BRASILIA); // 20:30 local, 27 Nov
  assert.equal(due.toISOString(), '2026-12-28T02:59:59.999Z'); // end of 27 Dec local
});

test('a request filed late at night (UTC next day) counts from the local date', () => {
  assert.equal(localDate(new Date('2026-11-28T02:00:00Z'), BRASILIA), '2026-11-27');
});

test('business days skip weekends and holidays', () => {
  const holidays = parseHolidays('2026-12-01');
  // Fri 27 Nov + 3 business days: Mon 30, (Tue 1 Dec holiday), Wed 2, Thu 3.
  const due = dueDate(new Date('2026-11-27T15:00:00Z'), { days: 3, kind: 'business' }, holidays, BRASILIA);
  assert.equal(localDate(new Date(due.getTime() - 1), BRASILIA), '2026-12-03');
});

test('overdue only while the clock runs', () => {
  const past = '2026-01-01T00:00:00.000Z';
  const now = new Date('2026-06-01T00:00:00Z');
  assert.equal(isOverdue('in_analysis', past, now), true);
  assert.equal(isOverdue('concluded', past, now), false);
  assert.equal(isOverdue('in_analysis', '2027-01-01T00:00:00.000Z', now), false);
});

test('holiday lists must be dates', () => {
  assert.throws(() => parseHolidays('25/12/2026'), /YYYY-MM-DD/);
});

test('CPF check digits', () => {
  assert.equal(isValidCpf('529.982.247-25'), true);
  assert.equal(isValidCpf('52998224726'), false);
  assert.equal(isValidCpf('111.111.111-11'), false);
});

test('form data is validated against the service fields', () => {
  const fields = [
    { code: 'cpf', label: 'CPF', datatype: 'string' as const, format: 'cpf' as const, required: true },
    { code: 'n', label: 'Quantidade', datatype: 'number' as const, required: false },
    { code: 'tipo', label: 'Tipo', datatype: 'multivaluelist' as const, required: true, values: ['A', 'B'] },
  ];
  const { errors } = validateFormData(fields, { cpf: '123', n: 'dez', tipo: ['C'], extra: 1 });
  assert.deepEqual(Object.keys(errors).sort(), ['formData.cpf', 'formData.extra', 'formData.n', 'formData.tipo']);
  const ok = validateFormData(fields, { cpf: ' 529.982.247-25 ', tipo: ['A', 'B'] });
  assert.deepEqual(ok.errors, {});
  assert.equal(ok.clean.cpf, '529.982.247-25');
});
