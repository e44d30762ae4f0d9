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
  const id = Number(params.get('solicitacao'));
  if (id) {
    document.querySelector('atende-request-queue').hidden = true;
    const form = document.querySelector('atende-analysis-form');
    form.requestId = id;
    form.hidden = false;
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

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', setUp);
else setUp();
