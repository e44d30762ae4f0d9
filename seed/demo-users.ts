// The demo users: fictional people with every role, for the development
// identity provider (GET /dev/users, POST /dev/token {"sub"}) and the seed.
// `sub` is what people type in curl; `institution` is the acronym.
import type { DevUser } from '../contract/types.js';

/** How the seed grants a demo user's membership (servants only). */
export interface DemoMembership {
  sub: string;
  /** Lotação: the unit of the institution the servant works in. */
  unit: string | null;
  /** Portaria that designated a manager (or the admin). */
  ordinance: string | null;
}

export const DEMO_USERS: DevUser[] = [
  {
    sub: 'admin',
    name: 'Roberto Almeida Nunes',
    email: 'roberto.nunes@exemplo.gov.br',
    role: 'admin',
    institution: 'DETRAN',
    description: 'Administrador do Atende; designa os gestores dos órgãos.',
  },

  // DETRAN
  {
    sub: 'gestora.detran',
    name: 'Fernanda Costa Ribeiro',
    email: 'fernanda.ribeiro@exemplo.gov.br',
    role: 'manager',
    institution: 'DETRAN',
    description: 'Gestora do DETRAN.',
  },
  {
    sub: 'atendente1.detran',
    name: 'Carlos Eduardo Santos',
    email: 'carlos.santos@exemplo.gov.br',
    role: 'attendant',
    institution: 'DETRAN',
    description: 'Atendente do DETRAN, Gerência de Habilitação.',
  },
  {
    sub: 'atendente2.detran',
    name: 'Juliana Pereira Lima',
    email: 'juliana.lima@exemplo.gov.br',
    role: 'attendant',
    institution: 'DETRAN',
    description: 'Atendente do DETRAN, Gerência de Veículos.',
  },
  {
    sub: 'atendente3.detran',
    name: 'Marcos Vinícius Rocha',
    email: 'marcos.rocha@exemplo.gov.br',
    role: 'attendant',
    institution: 'DETRAN',
    description: 'Atendente do DETRAN, Gerência de Veículos.',
  },

  // SEDUC
  {
    sub: 'gestor.seduc',
    name: 'Paulo Henrique Araújo',
    email: 'paulo.araujo@exemplo.gov.br',
    role: 'manager',
    institution: 'SEDUC',
    description: 'Gestor da Secretaria de Educação.',
  },
  {
    sub: 'atendente1.seduc',
    name: 'Beatriz Gonçalves Moura',
    email: 'beatriz.moura@exemplo.gov.br',
    role: 'attendant',
    institution: 'SEDUC',
    description: 'Atendente da SEDUC, Coordenadoria de Documentação Escolar.',
  },
  {
    sub: 'atendente2.seduc',
    name: 'Rafael Mendes Carvalho',
    email: 'rafael.carvalho@exemplo.gov.br',
    role: 'attendant',
    institution: 'SEDUC',
    description: 'Atendente da SEDUC, Coordenadoria de Matrículas.',
  },

  // SEFIN
  {
    sub: 'gestora.sefin',
    name: 'Luciana Barbosa Teixeira',
    email: 'luciana.teixeira@exemplo.gov.br',
    role: 'manager',
    institution: 'SEFIN',
    description: 'Gestora da Secretaria de Finanças.',
  },
  {
    sub: 'atendente1.sefin',
    name: 'André Luiz Moreira',
    email: 'andre.moreira@exemplo.gov.br',
    role: 'attendant',
    institution: 'SEFIN',
    description: 'Atendente da SEFIN, Coordenadoria da Receita Estadual.',
  },
  {
    sub: 'atendente2.sefin',
    name: 'Camila Fernandes Duarte',
    email: 'camila.duarte@exemplo.gov.br',
    role: 'attendant',
    institution: 'SEFIN',
    description: 'Atendente da SEFIN, Coordenadoria da Receita Estadual.',
  },
  {
    sub: 'atendente3.sefin',
    name: 'Sérgio Augusto Batista',
    email: 'sergio.batista@exemplo.gov.br',
    role: 'attendant',
    institution: 'SEFIN',
    description: 'Atendente da SEFIN, Coordenadoria da Receita Estadual.',
  },

  // CASA CIVIL
  {
    sub: 'gestor.casacivil',
    name: 'Ricardo Azevedo Pinto',
    email: 'ricardo.pinto@exemplo.gov.br',
    role: 'manager',
    institution: 'CASA CIVIL',
    description: 'Gestor da Casa Civil.',
  },
  {
    sub: 'atendente1.casacivil',
    name: 'Patrícia Nogueira Campos',
    email: 'patricia.campos@exemplo.gov.br',
    role: 'attendant',
    institution: 'CASA CIVIL',
    description: 'Atendente da Casa Civil, Coordenadoria de Cerimonial.',
  },
  {
    sub: 'atendente2.casacivil',
    name: 'Tiago Correia Martins',
    email: 'tiago.martins@exemplo.gov.br',
    role: 'attendant',
    institution: 'CASA CIVIL',
    description: 'Atendente da Casa Civil, Coordenadoria de Cerimonial.',
  },

  // A servant with no role yet: asks a manager for the attendant profile.
  {
    sub: 'servidor.joao',
    name: 'João Batista Cardoso',
    email: 'joao.cardoso@exemplo.gov.br',
    role: 'citizen',
    institution: null,
    description: 'Servidor da SEDUC ainda sem perfil; vai solicitar acesso como atendente.',
  },

  // Citizens
  {
    sub: 'maria.silva',
    name: 'Maria da Silva Oliveira',
    email: 'maria.silva@exemplo.com.br',
    role: 'citizen',
    institution: null,
    description: 'Cidadã; aposentada, moradora da capital.',
  },
  {
    sub: 'jose.santos',
    name: 'José Carlos dos Santos',
    email: 'jose.santos@correio.exemplo.com.br',
    role: 'citizen',
    institution: null,
    description: 'Cidadão; motorista de aplicativo.',
  },
  {
    sub: 'ana.souza',
    name: 'Ana Paula de Souza',
    email: 'anapaula.souza@webmail.exemplo.com.br',
    role: 'citizen',
    institution: null,
    description: 'Cidadã; mãe de dois estudantes da rede estadual.',
  },
  {
    sub: 'francisco.lima',
    name: 'Francisco de Assis Lima',
    email: 'francisco.lima@exemplo.com.br',
    role: 'citizen',
    institution: null,
    description: 'Cidadão; pequeno empresário do interior.',
  },
  {
    sub: 'antonia.ferreira',
    name: 'Antônia Ferreira Gomes',
    email: 'antonia.gomes@mail.exemplo.com.br',
    role: 'citizen',
    institution: null,
    description: 'Cidadã; professora aposentada.',
  },
  {
    sub: 'lucas.almeida',
    name: 'Lucas Almeida Ribeiro',
    email: 'lucas.ribeiro@exemplo.com.br',
    role: 'citizen',
    institution: null,
    description: 'Cidadão; estudante universitário.',
  },
  {
    sub: 'gabriela.rodrigues',
    name: 'Gabriela Conceição Rodrigues',
    email: 'gabi.rodrigues@correio.exemplo.com.br',
    role: 'citizen',
    institution: null,
    description: 'Cidadã; pessoa com deficiência, proprietária de veículo adaptado.',
  },
  {
    sub: 'raimundo.nascimento',
    name: 'Raimundo Nonato do Nascimento',
    email: 'raimundo.nascimento@webmail.exemplo.com.br',
    role: 'citizen',
    institution: null,
    description: 'Cidadão; representante de associação de moradores.',
  },
];

/** Unit (lotação) and portaria of each demo servant with a role. */
export const DEMO_MEMBERSHIPS: DemoMembership[] = [
  { sub: 'admin', unit: null, ordinance: 'Portaria nº 001/2026' },
  { sub: 'gestora.detran', unit: null, ordinance: 'Portaria nº 123/2026' },
  { sub: 'atendente1.detran', unit: 'Gerência de Habilitação', ordinance: null },
  { sub: 'atendente2.detran', unit: 'Gerência de Veículos', ordinance: null },
  { sub: 'atendente3.detran', unit: 'Gerência de Veículos', ordinance: null },
  { sub: 'gestor.seduc', unit: null, ordinance: 'Portaria nº 124/2026' },
  { sub: 'atendente1.seduc', unit: 'Coordenadoria de Documentação Escolar', ordinance: null },
  { sub: 'atendente2.seduc', unit: 'Coordenadoria de Matrículas', ordinance: null },
  { sub: 'gestora.sefin', unit: null, ordinance: 'Portaria nº 131/2026' },
  { sub: 'atendente1.sefin', unit: 'Coordenadoria da Receita Estadual', ordinance: null },
  { sub: 'atendente2.sefin', unit: 'Coordenadoria da Receita Estadual', ordinance: null },
  { sub: 'atendente3.sefin', unit: 'Coordenadoria da Receita Estadual', ordinance: null },
  { sub: 'gestor.casacivil', unit: null, ordinance: 'Portaria nº 140/2026' },
  { sub: 'atendente1.casacivil', unit: 'Coordenadoria de Cerimonial', ordinance: null },
  { sub: 'atendente2.casacivil', unit: 'Coordenadoria de Cerimonial', ordinance: null },
];
