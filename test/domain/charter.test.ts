// The rules of a Carta de Serviços entry, without HTTP: what does not fit
// together, what the law requires before publishing, how two versions
// differ, and who may edit an institution's charter.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CHARTER_PARTS } from '../../contract/charter.js';
import type { Role, ServiceEntry, ServiceField } from '../../contract/types.js';
import { cleanEntry, diffEntries, emptyEntry, entryErrors, missingParts, publishErrors } from '../../bff/domain/charter.js';
import { type Actor, decideCharter } from '../../bff/domain/permissions.js';

const field = (f: Partial<ServiceField> & Pick<ServiceField, 'code'>): ServiceField => ({
  label: f.code.toUpperCase(),
  datatype: 'string',
  required: false,
  ...f,
});

const complete: ServiceEntry = {
  name: 'Segunda via da CNH',
  description: 'Nova via da CNH em caso de perda.',
  audience: 'Condutores habilitados.',
  requirements: 'CNH válida.',
  documents: [{ name: 'RG', required: true, formats: ['pdf'] }],
  steps: ['Conferir identidade', 'Verificar a taxa'],
  fields: [field({ code: 'cpf', label: 'CPF', format: 'cpf', required: true })],
  cost: 'Gratuito',
  deadline: { days: 10, kind: 'business' },
  delivery: ['online'],
  area: ['Gerência de Habilitação'],
  address: 'Pelo portal.',
  hours: null,
  legalBasis: 'Lei nº 9.503/1997.',
  lgpdBasis: 'Art. 7º, II, LGPD.',
};

describe('entryErrors: what does not fit together', () => {
  test('a well-formed entry of every kind of field has none', () => {
    const fields: ServiceField[] = [
      field({ code: 'nome' }),
      field({ code: 'relato', datatype: 'text' }),
      field({ code: 'quantidade', datatype: 'number' }),
      field({ code: 'nascimento', datatype: 'datetime', format: 'date' }),
      field({ code: 'quando', datatype: 'datetime' }),
      field({ code: 'cpf', format: 'cpf' }),
      field({ code: 'email', format: 'email' }),
      field({ code: 'telefone', format: 'phone' }),
      field({ code: 'cep', format: 'cep' }),
      field({ code: 'motivo', datatype: 'singlevaluelist', values: ['Perda', 'Roubo'] }),
      field({ code: 'canais', datatype: 'multivaluelist', values: ['SMS'] }),
    ];
    assert.deepEqual(entryErrors({ fields, documents: complete.documents }), {});
  });

  test('field codes are unique: the repeat is named, with the first one', () => {
    const errors = entryErrors({ fields: [field({ code: 'cpf' }), field({ code: 'nome' }), field({ code: 'cpf' })], documents: [] });
    assert.deepEqual(Object.keys(errors), ['fields.2.code']);
    assert.match(errors['fields.2.code'], /"cpf" já é usado pelo campo 1/);
  });

  test('a choice needs at least one option, each once (accents and case aside); options only on choices', () => {
    const errors = entryErrors({
      fields: [
        field({ code: 'a', datatype: 'singlevaluelist' }),
        field({ code: 'b', datatype: 'multivaluelist', values: [] }),
        field({ code: 'c', datatype: 'singlevaluelist', values: ['Sim', ' sim '] }),
        field({ code: 'd', datatype: 'number', values: ['1'] }),
        field({ code: 'e', values: [] }),
      ],
      documents: [],
    });
    assert.deepEqual(Object.keys(errors).sort(), ['fields.0.values', 'fields.1.values', 'fields.2.values', 'fields.3.values', 'fields.4.values']);
    assert.match(errors['fields.0.values'], /ao menos uma opção/);
    assert.match(errors['fields.2.values'], /repete uma opção/);
    assert.match(errors['fields.3.values'], /Só campos de escolha têm opções/);
  });

  test('a format goes with its datatype: CPF, e-mail, phone, CEP with short text; date with datetime', () => {
    const errors = entryErrors({
      fields: [
        field({ code: 'a', datatype: 'text', format: 'cpf' }),
        field({ code: 'b', datatype: 'number', format: 'email' }),
        field({ code: 'c', datatype: 'datetime', format: 'phone' }),
        field({ code: 'd', datatype: 'singlevaluelist', format: 'cep', values: ['x'] }),
        field({ code: 'e', datatype: 'string', format: 'date' }),
      ],
      documents: [],
    });
    assert.deepEqual(Object.keys(errors), ['fields.0.format', 'fields.1.format', 'fields.2.format', 'fields.3.format', 'fields.4.format']);
    assert.match(errors['fields.0.format'], /CPF vai com o tipo texto curto/);
    assert.match(errors['fields.4.format'], /data vai com o tipo data/);
  });

  test('document names are unique (accents and case aside)', () => {
    const documents = [
      { name: 'RG', required: true, formats: [] },
      { name: 'Comprovante', required: false, formats: [] },
      { name: ' rg', required: false, formats: [] },
    ];
    assert.deepEqual(Object.keys(entryErrors({ fields: [], documents })), ['documents.2.name']);
  });
});

describe('cleanEntry', () => {
  test('trims texts, makes blank optional texts null, drops repeated channels and formats and a blank help text', () => {
    const clean = cleanEntry({
      ...complete,
      name: '  CNH  ',
      requirements: '   ',
      hours: ' 8h às 14h ',
      steps: [' Conferir '],
      delivery: ['online', 'online'],
      documents: [{ name: ' RG ', required: true, formats: ['pdf', 'pdf'] }],
      fields: [field({ code: 'x', label: ' X ', description: '  ', values: undefined })],
    });
    assert.equal(clean.name, 'CNH');
    assert.equal(clean.requirements, null);
    assert.equal(clean.hours, '8h às 14h');
    assert.deepEqual(clean.steps, ['Conferir']);
    assert.deepEqual(clean.delivery, ['online']);
    assert.deepEqual(clean.documents, [{ name: 'RG', required: true, formats: ['pdf'] }]);
    assert.deepEqual(clean.fields, [{ code: 'x', label: 'X', datatype: 'string', required: false }]);
  });
});

describe('missingParts: what the law requires before publishing (Lei 13.460/2017 art. 7)', () => {
  test('a complete entry lacks nothing; the opening hours are optional', () => {
    assert.deepEqual(missingParts(complete), []);
  });

  test('an entry with only its name lacks every required part, in the entry’s order, named as the editor names them', () => {
    const missing = missingParts({ ...emptyEntry('Novo serviço'), fields: [field({ code: 'cpf' })] });
    assert.deepEqual(
      missing.map((m) => m.part),
      ['description', 'audience', 'requirements', 'steps', 'cost', 'deadline', 'delivery', 'area', 'address', 'legalBasis', 'lgpdBasis'],
    );
    for (const m of missing) assert.equal(m.label, CHARTER_PARTS[m.part]);
  });

  test('the LGPD basis only when the service collects personal data (fields or documents)', () => {
    const noData = { ...complete, fields: [], documents: [], lgpdBasis: null };
    assert.deepEqual(missingParts(noData), []);
    assert.deepEqual(
      missingParts({ ...noData, documents: complete.documents }).map((m) => m.part),
      ['lgpdBasis'],
    );
  });

  test('blank texts and a zero deadline count as missing', () => {
    const parts = missingParts({ ...complete, cost: '  ', deadline: { days: 0, kind: 'business' } }).map((m) => m.part);
    assert.deepEqual(parts, ['cost', 'deadline']);
  });

  test('the refusal names each part with what to do', () => {
    const errors = publishErrors(missingParts({ ...complete, steps: [], cost: null }));
    assert.deepEqual(Object.keys(errors), ['steps', 'cost']);
    assert.match(errors.steps, /^Etapas: inclua ao menos uma etapa/);
    assert.match(errors.cost, /Gratuito/);
  });
});

describe('diffEntries: field by field', () => {
  test('alike versions: no change', () => {
    assert.deepEqual(diffEntries(complete, structuredClone(complete)), []);
  });

  test('whole parts by name, steps by position, fields by code, documents by name, in the entry’s order', () => {
    const b: ServiceEntry = {
      ...complete,
      name: 'Segunda via da Carteira de Habilitação',
      documents: [
        { name: 'RG', required: false, formats: ['pdf', 'png'] },
        { name: 'Comprovante de residência', required: true, formats: [] },
      ],
      steps: ['Conferir identidade', 'Conferir a taxa paga', 'Emitir a nova via'],
      fields: [field({ code: 'cpf', label: 'CPF do condutor', format: 'cpf', required: true }), field({ code: 'email', label: 'E-mail', format: 'email' })],
      deadline: { days: 15, kind: 'calendar' },
      hours: 'Dias úteis, 8h às 14h.',
    };
    const changes = diffEntries(complete, b);
    assert.deepEqual(
      changes.map((c) => [c.path, c.label]),
      [
        ['name', 'Nome do serviço'],
        ['documents.RG.required', 'Documentos › RG › Obrigatório'],
        ['documents.RG.formats', 'Documentos › RG › Formatos'],
        ['documents.Comprovante de residência', 'Documentos › Comprovante de residência'],
        ['steps.2', 'Etapas › 2'],
        ['steps.3', 'Etapas › 3'],
        ['fields.cpf.label', 'Campos do formulário › CPF do condutor › Rótulo'],
        ['fields.email', 'Campos do formulário › E-mail'],
        ['deadline', 'Prazo máximo'],
        ['hours', 'Horário de atendimento'],
      ],
    );
    const byPath = Object.fromEntries(changes.map((c) => [c.path, c]));
    assert.deepEqual([byPath['steps.2'].before, byPath['steps.2'].after], ['Verificar a taxa', 'Conferir a taxa paga']);
    assert.deepEqual([byPath['steps.3'].before, byPath['steps.3'].after], [null, 'Emitir a nova via']);
    assert.deepEqual([byPath['fields.cpf.label'].before, byPath['fields.cpf.label'].after], ['CPF', 'CPF do condutor']);
    assert.equal(byPath['fields.email'].before, null);
    assert.deepEqual(byPath.deadline.after, { days: 15, kind: 'calendar' });
  });

  test('removed fields, steps and documents, and a new order of the fields', () => {
    const a: ServiceEntry = { ...complete, fields: [field({ code: 'a' }), field({ code: 'b' }), field({ code: 'c' })] };
    const b: ServiceEntry = { ...complete, steps: ['Conferir identidade'], documents: [], fields: [field({ code: 'c' }), field({ code: 'a' })] };
    const changes = diffEntries(a, b);
    assert.deepEqual(
      changes.map((c) => c.path),
      ['documents.RG', 'steps.2', 'fields.order', 'fields.b'],
    );
    const order = changes.find((c) => c.path === 'fields.order')!;
    assert.deepEqual(
      [order.before, order.after],
      [
        ['a', 'c'],
        ['c', 'a'],
      ],
    );
    assert.equal(changes.find((c) => c.path === 'fields.b')!.after, null);
  });
});

describe('decideCharter: who edits an institution’s charter', () => {
  const INST = 1;
  const actor = (roles: [number, Role[]][]): Actor => ({ id: 9, roles: new Map(roles) });
  test('its managers edit; its attendants are refused (403); anyone else does not see it (404)', () => {
    assert.equal(decideCharter(actor([[INST, ['manager']]]), INST), 'allow');
    assert.equal(decideCharter(actor([[INST, ['attendant', 'manager']]]), INST), 'allow');
    assert.equal(decideCharter(actor([[INST, ['attendant']]]), INST), 'forbidden');
    assert.equal(decideCharter(actor([[2, ['manager']]]), INST), 'not_found');
    assert.equal(decideCharter(actor([]), INST), 'not_found');
    assert.equal(decideCharter(actor([[INST, ['admin']]]), INST), 'not_found');
  });
});
