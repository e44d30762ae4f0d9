// The state portal's side of the embed. In production this hands over the
// portal's SSO access token; in this demo the "portal session" is a demo
// citizen's token from the development identity provider (?cidadao=sub).
const params = new URLSearchParams(location.search);
const sub = params.get('cidadao') ?? 'maria.silva';

let token; // a promise, so elements asking at the same time share one request
function portalToken({ forceRefresh }) {
  if (!token || forceRefresh) {
    token = fetch('/dev/token', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ sub }) }).then(async (res) => {
      if (!res.ok) throw new Error('sessão do portal indisponível');
      return (await res.json()).token;
    });
    token.catch(() => (token = undefined));
  }
  return token;
}

function setUp() {
  const session = document.querySelector('atende-session');
  session.tokenProvider = portalToken;
  // Links keep the demo citizen of the address (?cidadao=…).
  const own = params.has('cidadao') ? `&cidadao=${encodeURIComponent(sub)}` : '';
  document.querySelector('atende-request-queue').hrefTemplate = `portal.html?solicitacao={id}${own}`;
  if (own) {
    document.getElementById('menu-requests').href = `portal.html?${own.slice(1)}`;
    document.getElementById('menu-charter').href = `portal.html?pagina=carta${own}`;
    document.getElementById('menu-satisfaction').href = `portal.html?pagina=satisfacao${own}`;
    const keep = Object.assign(document.createElement('input'), { type: 'hidden', name: 'cidadao', value: sub });
    document.querySelector('.portal-search').append(keep);
  }
  if (params.get('pagina') === 'carta') showCharter(own);
  if (params.get('pagina') === 'satisfacao') showSatisfaction(own);
  const id = Number(params.get('solicitacao'));
  if (id) {
    document.querySelector('atende-request-queue').hidden = true;
    const form = document.querySelector('atende-analysis-form');
    form.requestId = id;
    form.hidden = false;
    const evaluation = document.querySelector('atende-evaluation-form');
    evaluation.requestId = id;
    evaluation.hidden = false;
    const video = document.querySelector('atende-video-scheduler');
    video.requestId = id;
    video.hidden = false;
    const thread = document.querySelector('atende-follow-up-thread');
    thread.requestId = id;
    thread.hidden = false;
    const back = document.getElementById('back');
    back.hidden = false;
    if (own) back.querySelector('a').href = `portal.html?${own.slice(1)}`;
    document.getElementById('page-title').textContent = 'Acompanhar solicitação';
    document.title = 'Solicitação — Portal de Serviços do Estado';
  }
  fetch('/dev/users')
    .then((r) => r.json())
    .then(({ items }) => {
      const user = items.find((u) => u.sub === sub);
      if (user) document.getElementById('citizen-name').textContent = user.name.split(' ')[0];
    })
    .catch(() => {});
}

/**
 * The Carta de Serviços: the catalog (searching what the portal's own search
 * box asked), and the request form, shown once the citizen picks a service
 * ("Solicitar" tells the form itself which one; the page only shows it).
 */
function showCharter(own) {
  document.querySelector('atende-request-queue').hidden = true;
  document.getElementById('carta').hidden = false;
  document.getElementById('page-title').textContent = 'Carta de Serviços';
  document.title = 'Carta de Serviços — Portal de Serviços do Estado';
  const crumb = document.getElementById('crumb');
  crumb.textContent = 'Carta de Serviços';
  crumb.href = `portal.html?pagina=carta${own}`;
  document.getElementById('menu-requests').removeAttribute('aria-current');
  document.getElementById('menu-charter').setAttribute('aria-current', 'page');
  const catalog = document.querySelector('atende-service-catalog');
  catalog.query = params.get('busca') ?? '';
  document.getElementById('busca').value = catalog.query;
  const form = document.querySelector('atende-request-form');
  form.requestHref = `portal.html?solicitacao={id}${own}`;
  form.hidden = !params.get('service');
  document.addEventListener('atende-service-selected', () => (form.hidden = false));
}

/** Satisfação: the public panel of ratings and published comments (anyone may read it). */
function showSatisfaction(own) {
  document.querySelector('atende-request-queue').hidden = true;
  const page = document.getElementById('satisfacao');
  page.append(document.getElementById('satisfacao-panel').content.cloneNode(true));
  page.hidden = false;
  document.getElementById('page-title').textContent = 'Satisfação';
  document.title = 'Satisfação — Portal de Serviços do Estado';
  const crumb = document.getElementById('crumb');
  crumb.textContent = 'Satisfação';
  crumb.href = `portal.html?pagina=satisfacao${own}`;
  document.getElementById('menu-requests').removeAttribute('aria-current');
  document.getElementById('menu-satisfaction').setAttribute('aria-current', 'page');
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', setUp);
else setUp();
