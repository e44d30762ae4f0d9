import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findPersonalData, isValidCnpj, maskSpans } from '../../bff/domain/personal-data.js';
import type { PersonalDataKind } from '../../contract/evaluations.js';

const NAME = 'Maria José da Conceição Silva';

/** A text and what must be found in it: each the exact text of a span (in order) and its kind. */
const FLAGGED: [string, [string, PersonalDataKind][]][] = [
  // CPF, with and without punctuation (check digits verified)
  ['Meu CPF é 529.982.247-25, por favor.', [['529.982.247-25', 'cpf']]],
  ['cpf 52998224725', [['52998224725', 'cpf']]],
  [
    'CPF: 111.444.777-35 e do meu filho 123.456.789-09',
    [
      ['111.444.777-35', 'cpf'],
      ['123.456.789-09', 'cpf'],
    ],
  ],
  ['Documento 935.411.347-80 cadastrado', [['935.411.347-80', 'cpf']]],
  // CNPJ
  ['A empresa 11.222.333/0001-81 não respondeu', [['11.222.333/0001-81', 'cnpj']]],
  ['CNPJ 11444777000161', [['11444777000161', 'cnpj']]],
  ['Fornecedor 45.997.418/0001-53.', [['45.997.418/0001-53', 'cnpj']]],
  // Phones in every common writing
  ['Liguem (69) 99988-7766', [['(69) 99988-7766', 'phone']]],
  ['Liguem 69 99988-7766 à tarde', [['69 99988-7766', 'phone']]],
  ['zap 69999887766', [['69999887766', 'phone']]],
  ['+55 69 99988-7766', [['+55 69 99988-7766', 'phone']]],
  ['+5569999887766 é meu celular', [['+5569999887766', 'phone']]],
  ['Fixo 3216-5000', [['3216-5000', 'phone']]],
  ['celular 99988-7766', [['99988-7766', 'phone']]],
  ['Telefone (69) 3216-5000, ramal 2', [['(69) 3216-5000', 'phone']]],
  ['(69)99988-7766', [['(69)99988-7766', 'phone']]],
  ['meu número é (69) 9 9988-7766', [['(69) 9 9988-7766', 'phone']]],
  ['Tel. 69 3216 5000', [['69 3216 5000', 'phone']]],
  // E-mail
  ['Escrevam para maria.silva@gmail.com', [['maria.silva@gmail.com', 'email']]],
  ['contato: jose_conceicao+sedam@ro.gov.br.', [['jose_conceicao+sedam@ro.gov.br', 'email']]],
  ['E-mail JOAO123@HOTMAIL.COM', [['JOAO123@HOTMAIL.COM', 'email']]],
  // CEP
  ['Moro no CEP 76801-000', [['76801-000', 'cep']]],
  ['Endereço: Rua das Flores, 100, 76.801-000', [['76.801-000', 'cep']]],
  ['CEP 76801000', [['76801000', 'cep']]],
  ['cep: 78900123 Porto Velho', [['78900123', 'cep']]],
  // RG
  ['RG 12.345.678-9', [['12.345.678-9', 'rg']]],
  ['RG: 1234567 SSP/RO', [['1234567', 'rg']]],
  ['Identidade 12.345.678-X', [['12.345.678-X', 'rg']]],
  ['meu rg nº 00987654', [['00987654', 'rg']]],
  // Plates, old and Mercosul
  ['O carro ABC-1234 foi guinchado', [['ABC-1234', 'plate']]],
  ['placa ABC 1234', [['ABC 1234', 'plate']]],
  ['Placa Mercosul ABC1D23', [['ABC1D23', 'plate']]],
  [
    'Veículos NDX4E56 e OHQ-9087',
    [
      ['NDX4E56', 'plate'],
      ['OHQ-9087', 'plate'],
    ],
  ],
  // The citizen's name as stored: full, first and last, accents and case aside
  ['Sou Maria José da Conceição Silva e fui bem atendida', [['Maria José da Conceição Silva', 'name']]],
  ['Assinado: maria jose da conceicao silva', [['maria jose da conceicao silva', 'name']]],
  ['Obrigada, Maria Silva.', [['Maria Silva', 'name']]],
  ['MARIA SILVA agradece', [['MARIA SILVA', 'name']]],
  ['Meu outro fone: 69 3216-5000', [['69 3216-5000', 'phone']]],
  ['Carro NBC1234 da família', [['NBC1234', 'plate']]],
  ['CNPJ 33.000.167/0001-01 da estatal', [['33.000.167/0001-01', 'cnpj']]],
  [
    'Meu e-mail é ana@exemplo.com.br e o CEP 76.800-000',
    [
      ['ana@exemplo.com.br', 'email'],
      ['76.800-000', 'cep'],
    ],
  ],
  // Several at once
  [
    'Sou Maria Silva, CPF 529.982.247-25, fone (69) 99988-7766, e-mail maria@ro.gov.br, CEP 76801-000.',
    [
      ['Maria Silva', 'name'],
      ['529.982.247-25', 'cpf'],
      ['(69) 99988-7766', 'phone'],
      ['maria@ro.gov.br', 'email'],
      ['76801-000', 'cep'],
    ],
  ],
  // Invalid check digits are not a CPF or CNPJ (and nothing else either)
  ['CPF 529.982.247-26 errado', []],
  ['CPF 123.456.789-00', []],
  ['CNPJ 11.222.333/0001-80', []],
  ['CNPJ 11222333000180', []],
  ['CPF 111.111.111-11', []],
  // Dates beside a phone: only the phone
  ['Em 01/12/2026 liguei para 3216-5000 às 14h30', [['3216-5000', 'phone']]],
];

const NOT_FLAGGED = [
  'Fui atendido em 01/12/2026 e resolveram tudo.',
  'No dia 1º de dezembro de 2026 recebi a resposta.',
  'Protocolo 2026/000123 concluído.',
  'Paguei R$ 1.234,56 de taxa.',
  'A taxa de R$ 50 foi devolvida.',
  'Atendimento às 14h30 em ponto.',
  'Cheguei às 14:30 e saí às 15:45.',
  'Tive que voltar 3 vezes.',
  'Esperei 10 dias pela resposta.',
  'Dou nota 5 para o atendimento.',
  'Desde 2019 espero por isso; em 2025-2026 piorou.',
  'O prazo era de 30 dias úteis, cumpriram em 12.',
  'Fila com 150 pessoas, senha 0457.',
  'Entre 2024 e 2026 melhorou muito.',
  'Valor total: R$ 12.500,00 em 3 parcelas.',
  'Processo SEI 0012.345678/2026-11 andou rápido.',
  'Em 2026-11-30 às 09:00 fui atendida.',
  'A lei 13.709/2018 (LGPD) foi respeitada.',
  'Nota 4,5 de 5. Atendente muito educada!',
  'Maria foi muito atenciosa, e o Silva também.',
  'Rodovia BR-364, km 5.',
];

const spansOf = (text: string, expected: [string, PersonalDataKind][]) => {
  let from = 0;
  return expected.map(([part, kind]) => {
    const start = text.indexOf(part, from);
    assert.ok(start >= 0, `${part} is in ${text}`);
    from = start + part.length;
    return { start, end: start + part.length, kind };
  });
};

test('personal data found, exact kinds and spans', () => {
  assert.ok(FLAGGED.filter(([, e]) => e.length).length >= 40);
  const wrong = FLAGGED.filter(([text, expected]) => JSON.stringify(findPersonalData(text, { citizenName: NAME })) !== JSON.stringify(spansOf(text, expected)));
  assert.deepEqual(
    wrong.map(([text]) => [text, findPersonalData(text, { citizenName: NAME })]),
    [],
  );
});

test('dates, protocols, money, times, counts and plain numbers are not personal data', () => {
  assert.ok(NOT_FLAGGED.length >= 20);
  assert.deepEqual(
    NOT_FLAGGED.map((text) => [text, findPersonalData(text, { citizenName: NAME })]).filter(([, found]) => found.length),
    [],
  );
});

test('a name is only flagged when it is the citizen’s', () => {
  assert.deepEqual(findPersonalData('Obrigada, Maria Silva.'), []);
  assert.deepEqual(findPersonalData('Obrigada, Maria Silva.', { citizenName: 'João Pereira' }), []);
});

test('masking replaces each span and keeps the rest', () => {
  const text = 'Sou Maria Silva, CPF 529.982.247-25, fone (69) 99988-7766.';
  assert.equal(maskSpans(text, findPersonalData(text, { citizenName: NAME })), 'Sou ███, CPF ███, fone ███.');
  assert.equal(maskSpans('nada aqui', []), 'nada aqui');
});

test('CNPJ check digits', () => {
  assert.equal(isValidCnpj('11.222.333/0001-81'), true);
  assert.equal(isValidCnpj('11.222.333/0001-80'), false);
  assert.equal(isValidCnpj('00.000.000/0000-00'), false);
});
