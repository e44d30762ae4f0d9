// Data for the panel's tests (and the portal's): a service of its own, rated
// through the real API — requests filed by fresh citizens, concluded,
// evaluated and moderated — so what the panel shows is known exactly.
import type { ServiceDetail, ServiceRatings } from '../../contract/types.js';
import { ATTENDANT, advance, apiAs, newCitizen } from '../internal/test-support.js';
import { MANAGER } from '../request-form/request-form.test-helpers.js';

export type Decision = 'approve' | 'mask' | 'reject' | 'pending';
export interface Rating {
  rating: number;
  verdict: 'approved' | 'rejected';
  comment?: string;
  decision?: Decision;
}

/** A published service with no form fields and no documents, for one test file's ratings only. */
export async function quietService(name = `Serviço avaliado ${newCitizen().word}`): Promise<ServiceDetail> {
  const api = await apiAs(MANAGER);
  const institutionId = (await api.get('/me')).memberships[0].institution.id;
  const created = await api.post('/services', {
    body: {
      institutionId,
      name,
      description: 'Um serviço criado pelo teste do painel de satisfação.',
      audience: 'Qualquer cidadão.',
      requirements: 'Nenhum.',
      documents: [],
      steps: ['Conferir os dados'],
      fields: [],
      cost: 'Gratuito',
      deadline: { days: 5, kind: 'business' },
      delivery: ['online'],
      area: ['Gerência de Atendimento'],
      address: 'Av. Exemplo, 100 — Centro',
      hours: 'Segunda a sexta, das 8h às 14h',
      legalBasis: 'Lei estadual de teste nº 1/2026.',
      lgpdBasis: 'Execução de políticas públicas (art. 7º, III, LGPD).',
    },
  });
  await api.post('/services/:id/publish', { params: { id: created.serviceId } });
  return api.get('/services/:id', { params: { id: created.serviceId } });
}

/** Files, concludes, evaluates and moderates one request per rating, in order (the last is the newest). */
export async function rate(serviceId: number, ratings: Rating[]): Promise<void> {
  const staff = await apiAs(ATTENDANT);
  for (const r of ratings) {
    const citizen = await apiAs(newCitizen().sub);
    const filed = await citizen.post('/requests', { body: { serviceId, formData: {}, documents: [] } });
    await advance(filed.id, 'concluded');
    const evaluated = await citizen.post('/requests/:id/evaluation', {
      params: { id: filed.id },
      body: { verdict: r.verdict, rating: r.rating, ...(r.comment ? { comment: r.comment } : {}) },
    });
    const id = evaluated.evaluation!.id;
    if (!r.comment || r.decision === 'pending') continue;
    if (r.decision === 'reject') await staff.post('/evaluations/:id/reject', { params: { id }, body: { reason: 'offensive' } });
    else await staff.post('/evaluations/:id/approve', { params: { id }, body: { mask: r.decision === 'mask' } });
  }
}

/** What the API tells anyone about one service. */
export async function publicRatings(serviceId: number): Promise<ServiceRatings> {
  const res = await fetch(`/api/public/ratings?serviceId=${serviceId}`);
  if (!res.ok) throw new Error(`GET /public/ratings: ${res.status}`);
  const body = (await res.json()) as { items: ServiceRatings[] };
  const found = body.items.find((s) => s.service.id === serviceId);
  if (!found) throw new Error(`service ${serviceId} is not in the public ratings`);
  return found;
}
