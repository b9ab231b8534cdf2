/*
 * The case file's 「附件」 card: the case's files (GET /api/cases/{id}/attachments), each downloaded with the user's
 * token, and for those who act on the case (its department, supervisors, reception) a form that adds one
 * (POST .../attachments, multipart). casefile.js shows it with one line: AttachmentsCard.card(f).
 */
(function () {
    'use strict';
    var t = LV.t;
    var el = LV.el;
    var KINDS = ['LETTER', 'EVIDENCE', 'ANSWER', 'RECEIPT_PHOTO', 'OTHER'];
    var TYPES = { 'application/pdf': 'PDF', 'image/jpeg': 'JPEG', 'image/png': 'PNG' };

    function path(caseId) {
        return '/api/cases/' + encodeURIComponent(caseId) + '/attachments';
    }

    /** 512 B, 48.2 KB, 3.1 MB. */
    function size(bytes) {
        return bytes < 1024 ? bytes + ' B' : bytes < 1048576 ? (bytes / 1024).toFixed(1) + ' KB'
            : (bytes / 1048576).toFixed(1) + ' MB';
    }

    /** A refusal in the page's words: the file's type, its size, an erased petitioner; else the kit's and the API's. */
    function problem(error) {
        var key = 'attachments.problem.' + error.status;
        var own = t(key);
        if (own !== key) {
            return own;
        }
        var general = t('problem.' + error.status);
        return ((general === 'problem.' + error.status ? '' : general + ' — ') + error.message).trim();
    }

    /**
     * Sends a multipart form with the user's token. LV.api sends JSON only: an authorised call through it first (the
     * list) renews the token when it is about to run out, then fetch sends the form with the token the kit holds.
     */
    function postForm(caseId, form) {
        return LV.api('', path(caseId)).then(function () {
            var held = JSON.parse(window.sessionStorage.getItem('lv.tokens') || 'null');
            return fetch(path(caseId), { method: 'POST', body: form,
                headers: { Accept: 'application/json', Authorization: 'Bearer ' + (held ? held.access : '') } });
        }).then(function (r) {
            var type = r.headers.get('Content-Type') || '';
            return (type.indexOf('json') >= 0 ? r.json() : Promise.resolve(null)).then(function (body) {
                if (!r.ok) {
                    throw new LV.ApiError(r.status, body);
                }
                return body;
            });
        });
    }

    /** Fetches a file with the token and hands it to the browser under its own name. */
    function download(caseId, item, message) {
        message.textContent = '';
        return LV.api('', path(caseId) + '/' + encodeURIComponent(item.id), { raw: true, headers: { Accept: '*/*' } })
            .then(function (r) {
                return r.blob();
            }).then(function (blob) {
                var link = el('a', { href: URL.createObjectURL(blob), download: item.name || 'attachment' });
                document.body.appendChild(link);
                link.click();
                link.remove();
                setTimeout(function () { URL.revokeObjectURL(link.href); }, 10000);
                LV.announce(t('export.done', { file: link.download }));
            }, function (error) {
                message.textContent = problem(error);
            });
    }

    function listItem(caseId, item, message) {
        var name = item.name || t('attachments.erasedName');
        var open = el('a', { href: '#', class: 'attachment-name', 'data-attachment-id': item.id, text: name,
            onclick: function (e) {
                e.preventDefault();
                download(caseId, item, message);
            } });
        var about = [t('attachments.kind.' + (item.kind || 'OTHER')), TYPES[item.mediaType] || item.mediaType,
            size(item.size), item.addedOn, item.addedBy].filter(function (part) { return part; }).join(' · ');
        return el('li', { 'data-attachment-id': item.id }, [item.name ? open : el('span', { class: 'muted', text: name }),
            el('div', { class: 'muted attachment-about', text: about })]);
    }

    function showList(caseId, target, message) {
        return LV.api('', path(caseId)).then(function (answer) {
            target.replaceChildren(answer.items.length ? el('ul', { class: 'attachments', id: 'attachment-list' },
                answer.items.map(function (item) { return listItem(caseId, item, message); }))
                : el('p', { class: 'muted', id: 'attachment-list', text: t('attachments.none') }));
        }, function (error) {
            target.replaceChildren(el('p', { class: 'form-error', role: 'alert', text: problem(error) }));
        });
    }

    function uploadForm(caseId, refresh) {
        var file = el('input', { type: 'file', id: 'attachment-file', name: 'file', required: true,
            // no capture attribute: a phone then offers its camera and its files alike (capture would allow the camera only)
            accept: 'application/pdf,image/jpeg,image/png', 'aria-describedby': 'attachment-file-hint attachment-file-error' });
        var kind = el('select', { id: 'attachment-kind', name: 'kind' }, KINDS.map(function (k) {
            return el('option', { value: k, text: t('attachments.kind.' + k) });
        }));
        var error = el('p', { class: 'field-error', id: 'attachment-file-error', 'data-for': 'file', role: 'alert' });
        var button = el('button', { type: 'submit', id: 'attachment-upload', text: t('attachments.upload') });
        var form = el('form', { id: 'attachment-form', class: 'attachment-form', novalidate: true }, [
            el('label', { for: 'attachment-file', text: t('attachments.file') }), file,
            el('p', { class: 'muted', id: 'attachment-file-hint', text: t('attachments.hint') }), error,
            el('label', { for: 'attachment-kind', text: t('attachments.kindLabel') }), kind,
            el('div', { class: 'actions' }, [button])]);
        form.addEventListener('submit', function (e) {
            e.preventDefault();
            error.textContent = '';
            file.removeAttribute('aria-invalid');
            if (!file.files.length) {
                file.setAttribute('aria-invalid', 'true');
                error.textContent = t('attachments.choose');
                return;
            }
            var body = new FormData();
            body.append('file', file.files[0]);
            body.append('kind', kind.value);
            button.disabled = true;
            postForm(caseId, body).then(function (added) {
                form.reset();
                LV.announce(t('attachments.added', { name: added.name }));
                return refresh();
            }, function (failure) {
                file.setAttribute('aria-invalid', 'true');
                error.textContent = problem(failure);
            }).finally(function () { button.disabled = false; });
        });
        return form;
    }

    /** The card for case file {@code f} (GET /api/cases/{id}/file); its list loads by itself. */
    function card(f) {
        var target = el('div', { id: 'attachment-items', 'aria-live': 'polite' });
        var message = el('p', { class: 'form-error', id: 'attachment-download-error', role: 'alert' });
        function refresh() {
            return showList(f.caseId, target, message);
        }
        var mayAdd = !f.petitionerErased && LV.hasRole(['supervisor', 'reception',
            'dept-' + f.department.toLowerCase().replace(/_/g, '-')]);
        refresh();
        return el('section', { class: 'card', id: 'file-attachments', 'aria-labelledby': 'file-attachments-title' }, [
            el('h2', { id: 'file-attachments-title', text: t('attachments.title') }), target, message,
            mayAdd ? uploadForm(f.caseId, refresh) : null]);
    }

    window.AttachmentsCard = { card: card };
}());
