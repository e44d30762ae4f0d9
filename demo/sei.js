// The intranet's side of the embed: the signed-in servant's token (here a demo
// attendant's, ?usuario=sub) and opening a request below the queue, its
// analysis beside its follow-up thread and its video meetings below them
// (wired as on the standalone page); the day's agenda for every attendant;
// for a manager (?usuario=gestora.detran), the Carta de Serviços and the
// accesses below.
const sub = new URLSearchParams(location.search).get('usuario') ?? 'atendente1.detran';
let token; // a promise, so elements asking at the same time share one request
function intranetToken({ forceRefresh }) {
  if (!token || forceRefresh) {
    token = fetch('/dev/token', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ sub }) }).then(async (res) => {
      if (!res.ok) throw new Error('sessão indisponível');
      return (await res.json()).token;
    });
    token.catch(() => (token = undefined));
  }
  return token;
}

const session = document.getElementById('session');
const queue = session.querySelector('atende-request-queue');
const form = session.querySelector('atende-analysis-form');
const thread = session.querySelector('atende-follow-up-thread');
const video = session.querySelector('atende-video-scheduler');
const agenda = document.getElementById('agenda');
const detail = document.getElementById('detail');
session.tokenProvider = intranetToken;

let queueScroll = 0; // where the queue was, to return there on "Fechar solicitação"
function openRequest(e) {
  if (detail.hidden) queueScroll = scrollY;
  form.requestId = e.detail.id;
  thread.requestId = e.detail.id;
  video.requestId = e.detail.id;
  detail.hidden = false;
  detail.scrollIntoView({ block: 'start' });
  void form.focusHeading();
}
queue.addEventListener('atende-request-open', openRequest);
// A protocol in the day agenda opens the request in the same pane (the agenda's event is the queue's).
agenda.querySelector('atende-day-agenda').addEventListener('atende-request-open', (e) => {
  e.preventDefault();
  openRequest(e);
});
document.getElementById('close-detail').addEventListener('click', () => {
  detail.hidden = true;
  const row = queue.shadowRoot?.querySelector('tr[aria-current] .open');
  queue.selectedId = undefined;
  scrollTo(0, queueScroll);
  row?.focus({ preventScroll: true });
});
// The Carta de Serviços and the accesses are the manager's: shown when the
// signed-in servant manages an institution. A servant with no role yet
// (?usuario=servidor.joao) has no queue to work: they see the form to ask a
// manager for the attendant profile instead.
const charter = document.getElementById('carta');
const access = document.getElementById('acessos');
const evaluations = document.getElementById('avaliacoes');
Promise.resolve(intranetToken({ forceRefresh: false }))
  .then((t) => fetch('/api/me', { headers: { Authorization: `Bearer ${t}` } }))
  .then((r) => (r.ok ? r.json() : null))
  .then((me) => {
    if (!me) return; // not signed in: the elements say so themselves
    const manager = me.roles.includes('manager');
    const noRole = me.roles.length === 0;
    charter.hidden = !manager;
    access.hidden = !manager && !noRole;
    queue.hidden = noRole;
    evaluations.hidden = noRole; // attendants and managers moderate the evaluations
    agenda.hidden = noRole; // and keep the day's agenda
    document.getElementById('acessos-h').textContent = noRole ? 'Perfil de atendente' : 'Acessos';
  })
  .catch(() => {});

fetch('/dev/users')
  .then((r) => r.json())
  .then(({ items }) => {
    const u = items.find((x) => x.sub === sub);
    if (u) document.getElementById('sei-user').textContent = u.name;
  })
  .catch(() => {});
