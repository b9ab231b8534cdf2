/*
 * The page kit every service's web page loads: sign-in (authorization-code flow with PKCE through the
 * public client), bearer calls to the documented /api endpoints, the shared header, messages in
 * Simplified Chinese or English, and problem+json errors shown beside the form fields they name.
 * No framework: plain browser APIs, no build step.
 */
(function () {
    'use strict';

    var store = window.sessionStorage;
    var config = null;
    var messages = {};
    var LANGS = ['zh-CN', 'en'];

    /* ---------- messages ---------- */

    function language() {
        var chosen = window.localStorage.getItem('lv.lang');
        return LANGS.indexOf(chosen) >= 0 ? chosen : 'zh-CN';
    }

    function t(key, params) {
        var text = Object.prototype.hasOwnProperty.call(messages, key) ? messages[key] : key;
        if (params) {
            Object.keys(params).forEach(function (name) {
                text = text.split('{' + name + '}').join(String(params[name]));
            });
        }
        return text;
    }

    function translate(root) {
        (root || document).querySelectorAll('[data-i18n]').forEach(function (el) {
            el.textContent = t(el.getAttribute('data-i18n'));
        });
        (root || document).querySelectorAll('[data-i18n-placeholder]').forEach(function (el) {
            el.setAttribute('placeholder', t(el.getAttribute('data-i18n-placeholder')));
        });
        (root || document).querySelectorAll('[data-i18n-label]').forEach(function (el) {
            el.setAttribute('aria-label', t(el.getAttribute('data-i18n-label')));
        });
        (root || document).querySelectorAll('[data-i18n-title]').forEach(function (el) {
            el.setAttribute('title', t(el.getAttribute('data-i18n-title')));
        });
    }

    function loadJson(url) {
        return fetch(url, { headers: { Accept: 'application/json' } }).then(function (r) {
            if (!r.ok) {
                throw new Error(url + ' answered ' + r.status);
            }
            return r.json();
        });
    }

    function loadMessages(lang) {
        return Promise.all([loadJson('/kit/messages.' + lang + '.json'), loadJson('/messages.' + lang + '.json')])
            .then(function (parts) {
                messages = Object.assign({}, parts[0], parts[1]);
            });
    }

    /* ---------- sign-in: authorization code + PKCE ---------- */

    function base64Url(bytes) {
        var s = '';
        new Uint8Array(bytes).forEach(function (b) { s += String.fromCharCode(b); });
        return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    }

    function randomString() {
        var bytes = new Uint8Array(32);
        crypto.getRandomValues(bytes);
        return base64Url(bytes);
    }

    function endpoint(name) {
        return config.issuer + '/protocol/openid-connect/' + name;
    }

    function redirectUri() {
        return window.location.origin + '/';
    }

    /**
     * Forgets everything this tab kept: the tokens and whatever the pages kept for the session (reception's last
     * look-up names a petitioner). Called whenever the session is over: signing out, a session that expired or was
     * ended elsewhere, and before every sign-in, so the next user of the tab starts with nothing.
     */
    function forget() {
        window.clearTimeout(expiry);
        store.clear();
    }

    var expiry = null;

    /**
     * When the refresh token runs out (Keycloak's idle or maximum session time) the session is over: the tab forgets
     * at that moment, even if nobody touches it, and goes to the sign-in page.
     */
    function watchExpiry(refreshExpiresAt) {
        window.clearTimeout(expiry);
        if (refreshExpiresAt) {
            expiry = window.setTimeout(function () {
                forget();
                login();
            }, Math.min(Math.max(0, refreshExpiresAt - Date.now()), 2147483647));
        }
    }

    function login() {
        var verifier = randomString();
        var state = randomString();
        forget();
        store.setItem('lv.pkce', JSON.stringify({ verifier: verifier, state: state,
            // a shared link's list settings (?queue.page=2) and section (#queue) survive the sign-in
            returnTo: window.location.search + window.location.hash }));
        return crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)).then(function (hash) {
            var query = new URLSearchParams({
                client_id: config.clientId, redirect_uri: redirectUri(), response_type: 'code',
                scope: 'openid', state: state, code_challenge: base64Url(hash), code_challenge_method: 'S256',
                ui_locales: language()
            });
            window.location.assign(endpoint('auth') + '?' + query.toString());
            return new Promise(function () { /* the page is leaving */ });
        });
    }

    function claims(jwt) {
        var part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
        var json = decodeURIComponent(atob(part).split('').map(function (c) {
            return '%' + ('00' + c.charCodeAt(0).toString(16)).slice(-2);
        }).join(''));
        return JSON.parse(json);
    }

    function saveTokens(answer) {
        var now = Date.now();
        var refreshExpiresAt = answer.refresh_expires_in ? now + answer.refresh_expires_in * 1000 : null;
        store.setItem('lv.tokens', JSON.stringify({
            access: answer.access_token, refresh: answer.refresh_token, id: answer.id_token,
            expiresAt: now + answer.expires_in * 1000, refreshExpiresAt: refreshExpiresAt
        }));
        watchExpiry(refreshExpiresAt);
    }

    function tokens() {
        var raw = store.getItem('lv.tokens');
        return raw ? JSON.parse(raw) : null;
    }

    function tokenCall(form) {
        return fetch(endpoint('token'), {
            method: 'POST', body: new URLSearchParams(form),
            headers: { 'Content-Type': 'application/x-www-form-urlencoded' }
        }).then(function (r) {
            if (!r.ok) {
                throw new Error('token endpoint answered ' + r.status);
            }
            return r.json();
        }).then(saveTokens);
    }

    function finishLogin(params) {
        var pending = JSON.parse(store.getItem('lv.pkce') || 'null');
        store.removeItem('lv.pkce');
        if (!pending || pending.state !== params.get('state')) {
            return login();
        }
        return tokenCall({ grant_type: 'authorization_code', code: params.get('code'), client_id: config.clientId,
            redirect_uri: redirectUri(), code_verifier: pending.verifier }).then(function () {
            window.history.replaceState(null, '', '/' + pending.returnTo);
        }, function () {
            // no endless round trips to Keycloak: say so, and let the user try again
            throw new Error(t('kit.loginFailed'));
        });
    }

    var refreshing = null;

    function refresh() {
        var held = tokens();
        if (!held || !held.refresh) {
            return login();
        }
        if (!refreshing) {
            refreshing = tokenCall({ grant_type: 'refresh_token', refresh_token: held.refresh, client_id: config.clientId })
                .then(function () { refreshing = null; }, function () {
                    // the session ended (expired, or signed out elsewhere): login() forgets the tab's look-ups too
                    refreshing = null;
                    return login();
                });
        }
        return refreshing;
    }

    function accessToken() {
        var held = tokens();
        if (!held) {
            return login();
        }
        if (held.expiresAt - Date.now() < 30000) {
            return refresh().then(function () { return tokens().access; });
        }
        return Promise.resolve(held.access);
    }

    function logout() {
        var held = tokens();
        // the tokens and whatever the pages kept for this tab (a look-up naming a petitioner) go with the user
        forget();
        var query = new URLSearchParams({ client_id: config.clientId, post_logout_redirect_uri: redirectUri() });
        if (held && held.id) {
            query.set('id_token_hint', held.id);
        }
        window.location.assign(endpoint('logout') + '?' + query.toString());
    }

    function roles() {
        var held = tokens();
        if (!held) {
            return [];
        }
        var c = claims(held.access);
        return (c.groups || []).concat((c.realm_access && c.realm_access.roles) || []);
    }

    function hasRole(wanted) {
        var mine = roles();
        return wanted.some(function (r) { return mine.indexOf(r) >= 0; });
    }

    /**
     * The department a department leader reads (the token's claim department, with the role leader); null for a
     * committee leader and everyone else. The services enforce it; the pages only leave out what it cannot use.
     */
    function leaderDepartment() {
        var held = tokens();
        return held && hasRole(['leader']) ? claims(held.access).department || null : null;
    }

    /** Whether the user oversees every department: a supervisor, or a leader whose token names no department. */
    function committee() {
        return hasRole(['supervisor']) || (hasRole(['leader']) && !leaderDepartment());
    }

    function userName() {
        var held = tokens();
        return held ? claims(held.access).preferred_username : '';
    }

    /* ---------- calls to /api ---------- */

    /** A failed call: the HTTP status and the problem+json body (or null). */
    function ApiError(status, problem) {
        this.status = status;
        this.problem = problem;
        this.message = (problem && (problem.detail || problem.title)) || ('HTTP ' + status);
    }

    function api(service, path, options) {
        options = options || {};
        var url = (service ? config.services[service] : '') + path;
        function send(retried) {
            return accessToken().then(function (token) {
                var headers = Object.assign({ Accept: 'application/json', Authorization: 'Bearer ' + token },
                    options.headers || {});
                var init = { method: options.method || 'GET', headers: headers };
                if (options.body !== undefined) {
                    headers['Content-Type'] = 'application/json';
                    init.body = JSON.stringify(options.body);
                }
                return fetch(url, init);
            }).then(function (r) {
                if (r.status === 401 && !retried) {
                    return refresh().then(function () { return send(true); });
                }
                if (r.status === 401) {
                    return login();
                }
                if (options.raw && r.ok) {
                    return r;
                }
                var type = r.headers.get('Content-Type') || '';
                var parsed = type.indexOf('json') >= 0 ? r.json() : Promise.resolve(null);
                return parsed.then(function (body) {
                    if (!r.ok) {
                        throw new ApiError(r.status, body);
                    }
                    return body;
                });
            });
        }
        return send(false);
    }

    /* ---------- forms and problems ---------- */

    function clearProblems(form) {
        form.querySelectorAll('.field-error').forEach(function (el) { el.textContent = ''; });
        form.querySelectorAll('[aria-invalid]').forEach(function (el) { el.removeAttribute('aria-invalid'); });
        var general = form.querySelector('.form-error');
        if (general) {
            general.textContent = '';
        }
    }

    /** Shows a failed call's problem on a form: each violation beside its field, the rest on top. */
    function showProblem(form, error) {
        clearProblems(form);
        var rest = [];
        var violations = (error.problem && error.problem.violations) || [];
        violations.forEach(function (v) {
            var input = form.querySelector('[name="' + v.field + '"]');
            var slot = input && form.querySelector('.field-error[data-for="' + v.field + '"]');
            if (slot) {
                input.setAttribute('aria-invalid', 'true');
                input.setAttribute('aria-describedby', slot.id || (slot.id = 'error-' + Math.random().toString(36).slice(2)));
                // the API words its messages in English; the Chinese page says the same per field, the API's words in the tooltip
                slot.textContent = messages['violation.' + v.field] || v.message;
                slot.title = v.message;
            } else {
                rest.push(v.field + ': ' + v.message);
            }
        });
        var general = form.querySelector('.form-error');
        var text;
        if (violations.length) {
            text = rest.join('; ');
        } else {
            var key = 'problem.' + error.status;
            text = (messages[key] ? messages[key] + ' — ' : '') + error.message;
        }
        if (general && text) {
            general.textContent = text;
        }
        var first = form.querySelector('[aria-invalid="true"]');
        if (first) {
            first.focus();
        } else if (general) {
            general.focus();
        }
    }

    /** The form's named fields as an object; dotted names become nested objects, empty fields are left out. */
    function formValues(form) {
        var values = {};
        Array.prototype.forEach.call(form.elements, function (el) {
            if (!el.name || el.disabled) {
                return;
            }
            var value;
            if (el.type === 'checkbox') {
                value = el.checked;
            } else if (el.type === 'radio') {
                if (!el.checked) {
                    return;
                }
                value = el.value;
            } else if (el.value.trim() === '') {
                return;
            } else {
                value = el.type === 'number' ? Number(el.value) : el.value.trim();
            }
            var path = el.name.split('.');
            var target = values;
            path.slice(0, -1).forEach(function (p) { target = target[p] = target[p] || {}; });
            target[path[path.length - 1]] = value;
        });
        return values;
    }

    /* ---------- small DOM helpers ---------- */

    function el(tag, attributes, children) {
        var node = document.createElement(tag);
        Object.keys(attributes || {}).forEach(function (name) {
            if (name === 'text') {
                node.textContent = attributes[name];
            } else if (name.indexOf('on') === 0) {
                node.addEventListener(name.slice(2), attributes[name]);
            } else if (attributes[name] !== null && attributes[name] !== undefined && attributes[name] !== false) {
                node.setAttribute(name, attributes[name] === true ? '' : attributes[name]);
            }
        });
        (children || []).forEach(function (child) {
            if (child !== null && child !== undefined) {
                node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
            }
        });
        return node;
    }

    function today() {
        var now = new Date();
        var shanghai = new Date(now.getTime() + (now.getTimezoneOffset() + 480) * 60000);
        return shanghai.toISOString().slice(0, 10);
    }

    function daysBetween(from, to) {
        return Math.round((Date.parse(to) - Date.parse(from)) / 86400000);
    }

    function formatInstant(iso) {
        return new Date(iso).toLocaleString(language(), { timeZone: 'Asia/Shanghai', hour12: false });
    }

    function announce(text) {
        var region = document.getElementById('lv-status');
        if (!region) {
            region = el('div', { id: 'lv-status', class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
            document.body.appendChild(region);
        }
        region.textContent = '';
        window.setTimeout(function () { region.textContent = text; }, 50);
    }

    /** One labelled input with its error slot; spec: {name, label (message key), type?, required?, value?, options?}. */
    function field(spec, idPrefix) {
        var input;
        var id = idPrefix + '-' + spec.name;
        if (spec.options) {
            input = el('select', { name: spec.name, id: id }, spec.options.map(function (o) {
                return el('option', { value: o.value, text: o.label, selected: o.value === spec.value });
            }));
        } else if (spec.type === 'checkbox') {
            return el('label', { for: id, class: 'inline' }, [el('input', { name: spec.name, id: id, type: 'checkbox',
                checked: spec.value === true }), el('span', { text: t(spec.label) })]);
        } else if (spec.type === 'textarea') {
            input = el('textarea', { name: spec.name, id: id, rows: 2, required: spec.required });
        } else {
            input = el('input', { name: spec.name, id: id, type: spec.type || 'text', required: spec.required,
                value: spec.value || null });
        }
        return el('label', { for: id }, [el('span', { text: t(spec.label) }), input,
            el('span', { class: 'field-error', 'data-for': spec.name })]);
    }

    /** A disclosure holding a small form; {@code send(values)} returns the API call. */
    function actionForm(key, idPrefix, fields, send, extra) {
        var form = el('form', { novalidate: true, 'data-action': key }, [
            el('div', { class: 'row' }, fields.map(function (f) { return field(f, idPrefix); })),
            extra || null,
            el('p', { class: 'form-error', role: 'alert', tabindex: '-1' }),
            el('div', { class: 'actions' }, [el('button', { type: 'submit', text: t('action.' + key + '.submit') })])]);
        form.addEventListener('submit', function (event) {
            event.preventDefault();
            clearProblems(form);
            form.querySelector('button[type=submit]').disabled = true;
            send(formValues(form)).then(function (answer) {
                announce(t('action.' + key + '.done'));
                return answer;
            }, function (error) {
                showProblem(form, error);
            }).finally(function () {
                form.querySelector('button[type=submit]').disabled = false;
            });
        });
        return el('details', { class: 'case-action' }, [el('summary', { text: t('action.' + key) }), form]);
    }

    /* ---------- the shared header ---------- */

    var NAV = [
        { key: 'nav.reception', service: 'petition', hash: '', roles: ['reception', 'supervisor', 'leader'] },
        { key: 'nav.board', service: 'assignment', hash: '#board', roles: ['supervisor', 'leader'], committee: true },
        { key: 'nav.queue', service: 'assignment', hash: '#queue',
            roles: ['dept-public-security', 'dept-procuratorate', 'dept-court', 'dept-justice-bureau', 'supervisor', 'leader'] },
        { key: 'nav.followup', service: 'followup', hash: '', roles: ['followup', 'supervisor', 'leader'] },
        { key: 'nav.dashboard', service: 'reporting', hash: '', roles: ['leader', 'supervisor'] }
    ];

    function header(current) {
        var links = NAV.filter(function (item) { return hasRole(item.roles) && (!item.committee || committee()); }).map(function (item) {
            var here = item.service === config.self && (item.hash === '' || item.hash === current);
            return el('li', {}, [el('a', { href: config.services[item.service] + '/' + item.hash,
                'aria-current': here ? 'page' : null, text: t(item.key) })]);
        });
        var other = language() === 'zh-CN' ? 'en' : 'zh-CN';
        return el('header', { class: 'lv-header' }, [
            el('a', { class: 'skip', href: '#main', text: t('kit.skip') }),
            el('span', { class: 'brand', text: t('kit.brand') }),
            el('nav', { 'aria-label': t('kit.nav') }, [el('ul', {}, links)]),
            el('span', { class: 'user', text: t('kit.signedInAs', { user: userName() }) }),
            el('button', { type: 'button', class: 'link', lang: other, onclick: function () {
                window.localStorage.setItem('lv.lang', other);
                window.location.reload();
            }, text: t('kit.switchTo') }),
            el('button', { type: 'button', id: 'lv-logout', onclick: logout, text: t('kit.logout') })
        ]);
    }

    function renderHeader(current) {
        var old = document.querySelector('header.lv-header');
        var fresh = header(current);
        if (old) {
            old.replaceWith(fresh);
        } else {
            document.body.insertBefore(fresh, document.body.firstChild);
        }
    }

    /**
     * Starts a page: settings, messages, sign-in, header; then calls {@code page.render(kit)}.
     * {@code page.roles} lists who may use it; anyone else sees a notice instead.
     */
    function start(page) {
        document.documentElement.lang = language();
        loadJson('/ui/config.json').then(function (loaded) {
            config = loaded;
            return loadMessages(language());
        }).then(function () {
            var params = new URLSearchParams(window.location.search);
            if (params.get('code') && params.get('state')) {
                return finishLogin(params);
            }
            if (!tokens()) {
                return login();
            }
            // a page load first confirms the Keycloak session still lives: a logout on another service ended it
            return refresh();
        }).then(function () {
            document.title = t(page.title) + ' · ' + t('kit.brand');
            translate(document);
            var section = page.section || function () { return window.location.hash; };
            renderHeader(section());
            window.addEventListener('hashchange', function () { renderHeader(section()); });
            var main = document.getElementById('main');
            if (page.roles && !hasRole(page.roles)) {
                main.replaceChildren(el('p', { class: 'notice', role: 'alert', text: t('kit.notAllowed') }));
                return undefined;
            }
            document.body.classList.add('ready');
            return page.render();
        }).catch(function (error) {
            var main = document.getElementById('main');
            main.replaceChildren(el('p', { class: 'notice', role: 'alert', text: (messages['kit.failed'] || 'Error') + ' ' + error.message }));
        });
    }

    /* ---------- list state kept in the address ---------- */

    /** A list's setting kept in the address ({@code ?queue.page=2}), so a reload or a shared link shows the same. */
    function param(name, fallback) {
        var value = new URLSearchParams(window.location.search).get(name);
        return value === null || value === '' ? (fallback === undefined ? null : fallback) : value;
    }

    /** Writes settings into the address without a reload ({@code null} or '' removes one); the hash stays. */
    function remember(values) {
        var query = new URLSearchParams(window.location.search);
        Object.keys(values).forEach(function (name) {
            var value = values[name];
            if (value === null || value === undefined || value === '' || value === 0) {
                query.delete(name);
            } else {
                query.set(name, String(value));
            }
        });
        var search = query.toString();
        window.history.replaceState(null, '', window.location.pathname + (search ? '?' + search : '') + window.location.hash);
    }

    /** A list's page from the address ({@code key.page}, from 0). */
    function pageOf(key) {
        var page = parseInt(param(key + '.page', '0'), 10);
        return isNaN(page) || page < 0 ? 0 : page;
    }

    /**
     * "Showing x–y of N" and the previous and next page buttons for a paged list ({@code page} from 0); {@code go}
     * is called with the page to show. With a {@code key}, the page is kept in the address ({@code key.page}) and
     * the keyboard focus stays on the button pressed once the new page is shown.
     */
    function pager(page, size, total, go, key) {
        var from = total === 0 ? 0 : page * size + 1;
        var to = Math.min(total, (page + 1) * size);
        function turn(other, which) {
            if (key) {
                remember(Object.fromEntries([[key + '.page', other]]));
            }
            Promise.resolve(go(other)).then(function () {
                var again = key && document.querySelector('nav.pager[data-list="' + key + '"] button[data-page="' + which + '"]');
                if (again) {
                    (again.disabled ? again.parentNode.querySelector('button:not([disabled])') || again : again).focus();
                }
            });
        }
        return el('nav', { class: 'pager', 'aria-label': t('pager.label'), 'data-list': key || null }, [
            el('span', { class: 'pager-range', 'aria-live': 'polite', text: t('pager.showing', { from: from, to: to, total: total }) }),
            el('button', { type: 'button', 'data-page': 'previous', disabled: page === 0, text: t('pager.previous'),
                onclick: function () { turn(page - 1, 'previous'); } }),
            el('button', { type: 'button', 'data-page': 'next', disabled: to >= total, text: t('pager.next'),
                onclick: function () { turn(page + 1, 'next'); } })
        ]);
    }

    /**
     * Downloads an export ({@code path} answers a file) under the name the service gives it; with a {@code body}
     * the export is POSTed (a search that names people travels in a body, never in a URL).
     */
    function download(service, path, body) {
        var options = { raw: true, headers: { Accept: '*/*' } };
        if (body !== undefined) {
            options.method = 'POST';
            options.body = body;
        }
        return api(service, path, options).then(function (r) {
            var disposition = r.headers.get('Content-Disposition') || '';
            var match = /filename="([^"]+)"/.exec(disposition);
            return r.blob().then(function (blob) {
                var link = el('a', { href: URL.createObjectURL(blob), download: match ? match[1] : 'export' });
                document.body.appendChild(link);
                link.click();
                link.remove();
                setTimeout(function () { URL.revokeObjectURL(link.href); }, 10000);
                announce(t('export.done', { file: link.download }));
            });
        });
    }

    /** The two export buttons of a list: CSV and Excel, each fetching {@code path(format)} (POSTing {@code body()}). */
    function exportButtons(service, path, body) {
        return el('span', { class: 'export' }, ['csv', 'xlsx'].map(function (format) {
            return el('button', { type: 'button', 'data-export': format, text: t('export.' + format), onclick: function (e) {
                e.target.disabled = true;
                download(service, path(format), body ? body() : undefined).catch(function (error) { announce(error.message); })
                    .finally(function () { e.target.disabled = false; });
            } });
        }));
    }

    window.LV = {
        start: start, api: api, t: t, translate: translate, el: el, hasRole: hasRole, roles: roles,
        leaderDepartment: leaderDepartment, committee: committee,
        showProblem: showProblem, clearProblems: clearProblems, formValues: formValues, today: today,
        daysBetween: daysBetween, formatInstant: formatInstant, announce: announce, language: language,
        services: function () { return config.services; }, ApiError: ApiError, logout: logout,
        field: field, actionForm: actionForm, pager: pager, param: param, remember: remember, pageOf: pageOf,
        download: download, exportButtons: exportButtons
    };
}());
