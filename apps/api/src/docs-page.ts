import { Hono } from 'hono';
import type { AppEnv } from './env.js';

const HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>FourP API reference</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/docs/docs.css">
<script type="module" src="/docs/docs.js"></script>
</head>
<body>
<header>
  <h1>FourP API reference</h1>
  <p>Generated from <a href="/openapi.json">/openapi.json</a>. Fill in parameters and press <em>Try it</em>.</p>
</header>
<main id="operations" aria-live="polite"><p>Loading the API description…</p></main>
</body>
</html>
`;

const CSS = `
:root { color-scheme: light dark; --line: #8884; --accent: #1f6f4a; font-family: system-ui, sans-serif; }
body { margin: 0 auto; max-width: 64rem; padding: 1rem 1.5rem 4rem; line-height: 1.45; }
h1 { margin-bottom: .25rem; }
h2 { margin-top: 2rem; text-transform: capitalize; border-bottom: 1px solid var(--line); }
details { border: 1px solid var(--line); border-radius: .4rem; margin: .5rem 0; padding: .4rem .8rem; }
summary { cursor: pointer; font-family: ui-monospace, monospace; }
.method { display: inline-block; min-width: 4.5rem; font-weight: bold; color: var(--accent); }
.summary { font-family: system-ui, sans-serif; opacity: .8; margin-left: .5rem; }
form { display: grid; grid-template-columns: minmax(8rem, max-content) 1fr; gap: .4rem .8rem; margin: .8rem 0; }
label { font-family: ui-monospace, monospace; align-self: center; }
label .req { color: #b3261e; }
.hint { grid-column: 2; font-size: .85rem; opacity: .75; margin-top: -.3rem; }
input, select, button, textarea { font: inherit; padding: .25rem .4rem; }
textarea { font-family: ui-monospace, monospace; }
button { grid-column: 2; justify-self: start; cursor: pointer; }
pre { background: #8881; padding: .6rem; overflow: auto; max-height: 28rem; white-space: pre-wrap; word-break: break-word; }
.status { font-weight: bold; }
.status.error { color: #b3261e; }
`;

const JS = `
const root = document.getElementById('operations');
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === 'class') node.className = value;
    else if (key in node) node[key] = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) if (child !== null && child !== undefined) node.append(child);
  return node;
}

function resolveRef(spec, schema) {
  if (schema && schema.$ref) return schema.$ref.split('/').pop();
  return null;
}

function inputFor(param) {
  const schema = param.schema || {};
  const values = schema.enum || (schema.const !== undefined ? [schema.const] : null);
  if (values) {
    const select = el('select', { name: param.name, id: 'p-' + param.name });
    select.append(el('option', { value: '' }, param.required ? 'choose…' : '(default)'));
    for (const value of values) select.append(el('option', { value: String(value) }, String(value)));
    return select;
  }
  const placeholder = schema.default !== undefined ? String(schema.default) : schema.type || '';
  return el('input', { name: param.name, id: 'p-' + param.name, placeholder, required: !!param.required });
}

function buildUrl(path, params, form) {
  let url = path;
  const query = new URLSearchParams();
  for (const param of params) {
    const value = form.elements[param.name].value.trim();
    if (value === '') continue;
    if (param.in === 'path') url = url.replace('{' + param.name + '}', encodeURIComponent(value));
    else query.set(param.name, value);
  }
  const qs = query.toString();
  return qs ? url + '?' + qs : url;
}

async function tryIt(operation, params, form, output) {
  const url = buildUrl(operation.path, params, form);
  const method = operation.method.toUpperCase();
  const headers = { Accept: form.elements.__accept ? form.elements.__accept.value : 'application/json' };
  const init = { method, headers, credentials: 'same-origin' };
  if (form.elements.__body) {
    headers['Content-Type'] = 'application/json';
    init.body = form.elements.__body.value;
  }
  if (form.elements.__csrf && form.elements.__csrf.value) headers['X-FourP-CSRF'] = form.elements.__csrf.value;
  output.replaceChildren(el('p', {}, method + ' ' + url + ' …'));
  const started = performance.now();
  try {
    const response = await fetch(url, init);
    const ms = Math.round(performance.now() - started);
    const type = response.headers.get('content-type') || '';
    const text = await response.text();
    let body = text;
    if (type.includes('json')) {
      try { body = JSON.stringify(JSON.parse(text), null, 2); } catch { body = text; }
    }
    const shown = ['content-type', 'x-request-id', 'etag', 'cache-control']
      .filter((name) => response.headers.has(name))
      .map((name) => name + ': ' + response.headers.get(name))
      .join('\\n');
    output.replaceChildren(
      el('p', {}, el('span', { class: 'status' + (response.ok ? '' : ' error') }, response.status + ' ' + response.statusText), ' in ' + ms + ' ms — ', el('code', {}, method + ' ' + url)),
      el('pre', {}, shown),
      el('pre', {}, body),
    );
  } catch (error) {
    output.replaceChildren(el('p', { class: 'status error' }, 'Request failed: ' + error.message));
  }
}

function renderOperation(spec, path, method, operation) {
  const params = operation.parameters || [];
  const ok = operation.responses['200'] || operation.responses['201'] || {};
  const content = ok.content || {};
  const schemaName = content['application/json'] ? resolveRef(spec, content['application/json'].schema) : null;
  const form = el('form');
  for (const param of params) {
    const label = el('label', { htmlFor: 'p-' + param.name }, param.name, param.required ? el('span', { class: 'req' }, ' *') : null);
    form.append(label, inputFor(param));
    if (param.description) form.append(el('div', { class: 'hint' }, param.description));
  }
  if (content['text/csv']) {
    const accept = el('select', { name: '__accept', id: 'p-accept-' + operation.operationId });
    accept.append(el('option', { value: 'application/json' }, 'application/json'), el('option', { value: 'text/csv' }, 'text/csv'));
    form.append(el('label', { htmlFor: accept.id }, 'Accept'), accept);
  }
  if (operation.requestBody) {
    const body = el('textarea', { name: '__body', id: 'p-body-' + operation.operationId, rows: 6, value: '{}' });
    const bodySchema = resolveRef(spec, ((operation.requestBody.content || {})['application/json'] || {}).schema);
    form.append(el('label', { htmlFor: body.id }, 'body'), body);
    if (bodySchema) form.append(el('div', { class: 'hint' }, 'JSON matching ' + bodySchema));
  }
  if (method !== 'get') {
    const csrf = el('input', { name: '__csrf', id: 'p-csrf-' + operation.operationId, placeholder: 'csrfToken from /v1/auth/me, when signed in with the cookie' });
    form.append(el('label', { htmlFor: csrf.id }, 'X-FourP-CSRF'), csrf);
  }
  const output = el('div');
  form.append(el('button', { type: 'submit' }, 'Try it'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    tryIt({ path, method }, params, form, output);
  });
  return el(
    'details',
    { id: operation.operationId },
    el('summary', {}, el('span', { class: 'method' }, method.toUpperCase()), path, el('span', { class: 'summary' }, operation.summary || '')),
    operation.description ? el('p', {}, operation.description) : null,
    schemaName ? el('p', {}, 'Response schema: ', el('code', {}, schemaName)) : null,
    form,
    output,
  );
}

async function main() {
  const response = await fetch('/openapi.json', { headers: { Accept: 'application/json' } });
  const spec = await response.json();
  const byTag = new Map();
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const tag = (operation.tags && operation.tags[0]) || 'other';
      if (!byTag.has(tag)) byTag.set(tag, []);
      byTag.get(tag).push(renderOperation(spec, path, method, operation));
    }
  }
  root.replaceChildren(el('p', {}, spec.info.title + ' ' + spec.info.version + ' — ' + spec.info.description));
  for (const [tag, nodes] of byTag) root.append(el('h2', {}, tag), ...nodes);
}

main().catch((error) => root.replaceChildren(el('p', { class: 'status error' }, 'Could not load /openapi.json: ' + error.message)));
`;

/** A self-contained API reference (no CDN): the page reads /openapi.json and calls the API with fetch. */
export const docsRoutes = () =>
  new Hono<AppEnv>()
    .get('/', (c) => c.html(HTML))
    .get('/docs.css', (c) => c.body(CSS, 200, { 'Content-Type': 'text/css; charset=utf-8' }))
    .get('/docs.js', (c) => c.body(JS, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }));
