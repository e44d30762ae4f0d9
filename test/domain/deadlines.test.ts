import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { dueDate, isOverdue, parseHolidays } from '../../bff/domain/deadlines.js';
import { localDate } from '../../contract/time.js';
import { isValidCpf, validateFormData } from '../../contract/form-fields.js';
import { ZONES, wall } from './zones.js';

for (const z of ZONES) {
  describe(`deadlines in ${z.zone}`, () => {
    test('calendar days count every day; the deadline ends at 23:59:59.999 local', () => {
      const due = dueDate(new Date(wall(z, '2026-11-27', '20:30')), { days: 30, kind: 'calendar' }, new Set(), z.zone);
      assert.equal(due.toISOString(), wall(z, '2026-12-27', '23:59:59.999'));
    });

    test('a request filed late at night (the next day in UTC) counts from the local date', () => {
      const late = wall(z, '2026-11-27', '23:30');
      assert.equal(late.slice(0, 10), '2026-11-28', 'already the 28th in UTC');
      assert.equal(localDate(new Date(late), z.zone), '2026-11-27');
      const due = dueDate(new Date(late), { days: 1, kind: 'calendar' }, new Set(), z.zone);
      assert.equal(due.toISOString(), wall(z, '2026-11-28', '23:59:59.999'));
    });

    test('just after local midnight counts from the new day', () => {
      const due = dueDate(new Date(wall(z, '2026-11-28', '00:00')), { days: 1, kind: 'calendar' }, new Set(), z.zone);
      assert.equal(due.toISOString(), wall(z, '2026-11-29', '23:59:59.999'));
    });

    test('business days skip weekends and holidays', () => {
      const holidays = parseHolidays('2026-12-01');
      // Fri 27 Nov + 3 business days: Mon 30, (Tue 1 Dec holiday), Wed 2, Thu 3.
      const due = dueDate(new Date(wall(z, '2026-11-27', '12:00')), { days: 3, kind: 'business' }, holidays, z.zone);
      assert.equal(due.toISOString(), wall(z, '2026-12-03', '23:59:59.999'));
    });

    test('filed on a Friday night that is Saturday in UTC: still Friday’s count', () => {
      // Fri 18 Dec, 22:00 local + 2 business days: Mon 21, Tue 22.
      const due = dueDate(new Date(wall(z, '2026-12-18', '22:00')), { days: 2, kind: 'business' }, new Set(), z.zone);
      assert.equal(due.toISOString(), wall(z, '2026-12-22', '23:59:59.999'));
    });

    test('overdue from the first instant after the deadline', () => {
      const due = wall(z, '2026-12-27', '23:59:59.999');
      assert.equal(isOverdue('in_analysis', due, new Date(due)), false);
      assert.equal(isOverdue('in_analysis', due, new Date(wall(z, '2026-12-28', '00:00'))), true);
    });
  });
}

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
