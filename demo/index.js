// The standalone demo: sign in as a demo user (development identity provider),
// then the queue beside the analysis form, with the open request in the URL.
const KEY = 'atende-demo-user';
const ROLE_LABELS = { admin: 'Administrador', manager: 'Gestor(a)', attendant: 'Atendente', citizen: 'Cidadão(ã)' };
const GROUPS = [
  ['attendant', 'Atendentes'],
  ['manager', 'Gestores'],
  ['citizen', 'Cidadãos'],
  ['admin', 'Administração'],
];

const $ = (id) => document.getElementById(id);
const session = $('session');
const queue = $('queue');
const form = $('form');
const thread = $('thread');
const evaluation = $('evaluation');
const video = $('video');
let citizenSide = false; // the signed-in user reads requests as a citizen: the evaluation form shows beside them

/** The demo's stand-in for the portal's SSO session: tokens from /dev/token, refreshed on demand. */
function tokenSource(sub) {
  let token; // a promise, so elements asking at the same time share one request
  return ({ forceRefresh }) => {
    if (!token || forceRefresh) {
      token = fetch('/dev/token', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ sub }),
      }).then(async (res) => {
        if (!res.ok) throw new Error(`Não foi possível entrar (${res.status}).`);
        return (await res.json()).token;
      });
      token.catch(() => (token = undefined));
    }
    return token;
  };
}

function el(tag, props = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

async function showSignIn() {
  $('workspace').hidden = true;
  $('nav').hidden = true;
  $('user').hidden = true;
  $('sign-in').hidden = false;
  const status = $('users-status');
  try {
    const res = await fetch('/dev/users');
    if (!res.ok) throw new Error(String(res.status));
    const { items } = await res.json();
    const groups = $('user-groups');
    groups.replaceChildren();
    for (const [role, title] of GROUPS) {
      const users = items.filter((u) => u.role === role);
      if (!users.length) continue;
      const id = `group-${role}`;
      const list = el('ul', { className: 'user-list' });
      for (const u of users) {
        const button = el('button', { className: 'btn primary', type: 'button', textContent: 'Entrar' });
        button.setAttribute('aria-label', `Entrar como ${u.name}`);
        button.addEventListener('click', () => signIn(u));
        list.append(
          el(
            'li',
            { className: 'user-card' },
            el('span', { className: 'user-card-name', textContent: u.name }),
            el('span', { className: 'user-card-meta', textContent: [ROLE_LABELS[u.role], u.institution].filter(Boolean).join(' · ') }),
            el('span', { className: 'user-card-desc', textContent: u.description }),
            button,
          ),
        );
      }
      groups.append(el('section', { className: 'user-group' }, el('h2', { id, textContent: title }), list));
      list.setAttribute('aria-labelledby', id);
    }
    status.textContent = '';
    status.hidden = true;
  } catch {
    status.textContent = 'Não foi possível carregar os usuários de demonstração. O servidor está rodando com --demo?';
  }
}

async function signIn(user) {
  sessionStorage.setItem(KEY, JSON.stringify(user));
  await start(user);
  $('workspace-title').focus?.();
}

async function start(user) {
  const tokenProvider = tokenSource(user.sub);
  let me;
  try {
    const res = await fetch('/api/me', { headers: { Authorization: `Bearer ${await tokenProvider({ forceRefresh: false })}` } });
    if (!res.ok) throw new Error(String(res.status));
    me = await res.json();
  } catch {
    sessionStorage.removeItem(KEY);
    return showSignIn();
  }
  const staff = me.roles.includes('attendant') || me.roles.includes('manager');
  const institution = me.memberships[0]?.institution.acronym;
  $('user-name').textContent = me.name;
  $('user-role').textContent = staff ? [ROLE_LABELS[me.roles.includes('manager') ? 'manager' : 'attendant'], institution].join(' · ') : ROLE_LABELS.citizen;
  $('nav-requests').textContent = staff ? 'Solicitações' : 'Minhas solicitações';
  $('workspace-title').textContent = staff ? `Painel do atendente${institution ? ` — ${institution}` : ''}` : 'Painel do cidadão';
  document.title = `${$('workspace-title').textContent} — Atende`;
  queue.view = staff ? 'staff' : 'citizen';
  citizenSide = !staff;
  session.tokenProvider = tokenProvider;
  $('sign-in').hidden = true;
  $('user').hidden = false;
  $('nav').hidden = false;
  $('workspace').hidden = false;
  route();
}

/** `#/solicitacoes/123` opens request 123 in the analysis form. */
function route() {
  const match = /^#\/solicitacoes\/(\d+)$/.exec(location.hash);
  const id = match ? Number(match[1]) : undefined;
  // Back in the queue (narrow screens show one or the other): where the user left it, on the request they had open.
  const back = id === undefined && form.requestId !== undefined && history.state?.queueScroll !== undefined;
  const openButton = back ? queue.shadowRoot?.querySelector('tr[aria-current] .open') : null;
  form.requestId = id;
  thread.requestId = id;
  thread.hidden = id === undefined;
  video.requestId = id;
  video.hidden = id === undefined;
  evaluation.requestId = citizenSide ? id : undefined;
  evaluation.hidden = !citizenSide || id === undefined;
  queue.selectedId = id;
  $('workspace').classList.toggle('has-request', id !== undefined);
  if (back) {
    scrollTo(0, history.state.queueScroll);
    openButton?.focus({ preventScroll: true });
  }
}

queue.addEventListener('atende-request-open', (e) => {
  history.replaceState({ queueScroll: scrollY }, '');
  history.pushState(null, '', `#/solicitacoes/${e.detail.id}`);
  route();
  // Keyboard and screen-reader users land on the request they opened.
  void form.focusHeading();
});
addEventListener('hashchange', route);
$('back-to-queue').addEventListener('click', (e) => {
  // Opened from the queue: going back restores its place (and the browser's Back does the same).
  if (history.state === null && form.requestId !== undefined) {
    e.preventDefault();
    history.back();
  }
});
$('sign-out').addEventListener('click', () => {
  sessionStorage.removeItem(KEY);
  session.tokenProvider = undefined;
  form.requestId = undefined;
  history.replaceState(null, '', location.pathname);
  void showSignIn().then(() => $('sign-in-title').focus?.());
});
session.addEventListener('atende-unauthorized', () => {
  sessionStorage.removeItem(KEY);
  void showSignIn();
});

const saved = sessionStorage.getItem(KEY);
if (saved) void start(JSON.parse(saved));
else void showSignIn();
