import type { Core } from '@strapi/strapi';
import { pluginConfig } from '../config/plugin-config';

const absolute = (url: unknown): url is string =>
  typeof url === 'string' && /^https?:\/\/[^/?#]+/.test(url);

/**
 * Where the snippet sends events: `trackerApiOrigin` from the plugin config, else Strapi's
 * `server.url` when it is absolute, else null (the script then uses its own URL). Never the
 * request's Host or X-Forwarded-Host: the script is cached publicly, and a forged host in one
 * cached copy would send every visitor's events and emails elsewhere.
 */
export const trackerEndpoint = (strapi: Core.Strapi): string | null => {
  const configured = pluginConfig(strapi).trackerApiOrigin;
  const serverUrl = strapi.config.get('server.url');
  const origin = absolute(configured) ? configured : absolute(serverUrl) ? serverUrl : null;
  if (!origin) return null;
  const prefix = strapi.config.get('api.rest.prefix', '/api') as string;
  return `${origin.replace(/\/+$/, '')}${prefix}/segments`;
};

/**
 * The tracking snippet served at /api/segments/tracker.js: no dependencies, well under 3 KB
 * gzipped. It keeps an anonymous visitor id in a first-party cookie, sends a PageVisit per page
 * (SPA route changes too), a View per element marked data-segments-item="uid:documentId",
 * captures utm_* parameters, and batches events with sendBeacon (fetch with retries as fallback).
 * Without a configured endpoint it posts next to where it was loaded from (its own script URL).
 */
export const trackerScript = (endpoint: string | null) => `(function (w, d) {
  if (w.segments && w.segments._loaded) return;
  var script = d.currentScript || d.querySelector('script[src*="/segments/tracker.js"]');
  var api = ${JSON.stringify(endpoint)};
  if (!api && script && script.src) api = script.src.replace(/\\/tracker\\.js([?#].*)?$/, '');
  if (script && script.getAttribute('data-endpoint')) api = script.getAttribute('data-endpoint');
  var COOKIE = 'segments_vid';
  function readCookie() { var m = d.cookie.match(/(?:^|; )segments_vid=([^;]+)/); return m ? decodeURIComponent(m[1]) : null; }
  function newId() { var a = new Uint8Array(16); (w.crypto || w.msCrypto).getRandomValues(a); return 'v' + Array.prototype.map.call(a, function (b) { return ('0' + b.toString(16)).slice(-2); }).join(''); }
  var vid = readCookie();
  if (!/^[A-Za-z0-9_-]{22,100}$/.test(vid || '')) vid = newId();
  d.cookie = COOKIE + '=' + encodeURIComponent(vid) + '; path=/; max-age=' + 60 * 60 * 24 * 365 * 2 + '; samesite=lax';
  var utm = {};
  try { var q = new URLSearchParams(w.location.search); ['source', 'medium', 'campaign', 'term', 'content'].forEach(function (k) { var v = q.get('utm_' + k); if (v) utm['utm' + k.charAt(0).toUpperCase() + k.slice(1)] = v; }); } catch (e) {}
  var queue = [], timer = null, tries = 0;
  function post(path, body, beacon) {
    if (!api) return Promise.resolve();
    var url = api + path + '?vid=' + encodeURIComponent(vid);
    var json = JSON.stringify(body);
    if (beacon && navigator.sendBeacon && navigator.sendBeacon(url, new Blob([json], { type: 'text/plain' }))) return Promise.resolve();
    // text/plain and the visitor in the query: a simple request, so no CORS preflight is needed.
    return fetch(url, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: json, keepalive: true, credentials: 'omit', mode: 'no-cors' })
      .then(function (r) { if (r.status >= 500) throw new Error(String(r.status)); });
  }
  function flush(beacon) {
    clearTimeout(timer); timer = null;
    if (!queue.length) return;
    var batch = queue.splice(0, 100);
    post('/events', { events: batch }, beacon).then(function () { tries = 0; if (queue.length) flush(); }, function () {
      queue = batch.concat(queue);
      if (++tries < 5) timer = setTimeout(flush, 1000 * Math.pow(2, tries));
    });
  }
  function track(type, data) {
    var e = { type: type, occurredAt: new Date().toISOString(), url: w.location.href };
    if (d.referrer) e.referrer = d.referrer;
    for (var k in utm) e[k] = utm[k];
    for (var f in data || {}) e[f] = data[f];
    queue.push(e);
    if (queue.length >= 20) flush(); else if (!timer) timer = setTimeout(flush, 1000);
  }
  var lastPath = null;
  function pageVisit() { if (w.location.pathname + w.location.search === lastPath) return; lastPath = w.location.pathname + w.location.search; track('PageVisit'); scan(); }
  var seen = typeof WeakSet !== 'undefined' ? new WeakSet() : null;
  function view(el) { var v = (el.getAttribute('data-segments-item') || '').split(':'); if (v.length < 2) return; track('View', { item: { uid: v.slice(0, -1).join(':'), documentId: v[v.length - 1] } }); }
  var io = w.IntersectionObserver ? new IntersectionObserver(function (es) { es.forEach(function (en) { if (en.isIntersecting) { io.unobserve(en.target); view(en.target); } }); }, { threshold: 0.5 }) : null;
  function scan() { d.querySelectorAll('[data-segments-item]').forEach(function (el) { if (seen) { if (seen.has(el)) return; seen.add(el); } if (io) io.observe(el); else view(el); }); }
  ['pushState', 'replaceState'].forEach(function (m) { var o = history[m]; history[m] = function () { var r = o.apply(this, arguments); setTimeout(pageVisit, 0); return r; }; });
  w.addEventListener('popstate', pageVisit);
  d.addEventListener('visibilitychange', function () { if (d.visibilityState === 'hidden') flush(true); });
  w.addEventListener('pagehide', function () { flush(true); });
  if (w.MutationObserver) new MutationObserver(scan).observe(d.documentElement, { childList: true, subtree: true });
  w.segments = { _loaded: true, visitorId: vid, track: track, flush: flush,
    // fields: { userHash, firstName, lastName }; userHash comes from your server (docs/tracking.md).
    identify: function (email, fields) { var b = { email: email }; for (var k in fields || {}) b[k] = fields[k]; return post('/identify', b, false); } };
  if (d.readyState === 'loading') d.addEventListener('DOMContentLoaded', pageVisit); else pageVisit();
})(window, document);
`;
