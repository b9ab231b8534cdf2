/*
 * The case file's 文书 card (#file-documents): the notices the case has issued, from GET /api/cases/{id}/documents,
 * each with its kind, the day it was issued and two downloads, PDF and Word, fetched with the bearer token
 * (LV.download). casefile.js places it with one line: CaseDocs.card(caseId).
 */
(function () {
    'use strict';
    var t = LV.t;
    var el = LV.el;

    /** Why a download failed, in the page's words: the petitioner erased (410), petition-service away (503), else the problem. */
    function failure(error) {
        if (error.status === 410) {
            return t('documents.erased');
        }
        if (error.status === 503) {
            return t('documents.unavailable');
        }
        var title = t('problem.' + error.status);
        return ((title === 'problem.' + error.status ? '' : title) + ' ' + error.message).trim();
    }

    /** One document: its kind and day, its PDF and Word buttons, and the reason under it when a download fails. */
    function item(d) {
        var kind = t('documents.kind.' + d.kind);
        var message = el('p', { class: 'form-error', role: 'alert' });
        function button(format) {
            var label = t(format === 'pdf' ? 'documents.pdf' : 'documents.docx');
            return el('button', { type: 'button', class: 'secondary', 'data-format': format, text: label,
                'aria-label': t('documents.download', { kind: kind, format: label }), onclick: function (e) {
                    var pressed = e.currentTarget;
                    pressed.disabled = true;
                    message.textContent = '';
                    LV.download('', d.href + (format === 'pdf' ? '' : '?format=docx'))
                        .catch(function (error) { message.textContent = failure(error); })
                        .finally(function () { pressed.disabled = false; });
                } });
        }
        return el('li', { 'data-kind': d.kind, 'data-id': d.id, 'data-date': d.issuedOn }, [
            el('span', { class: 'document-kind', text: kind }),
            el('span', { class: 'document-date', text: t('documents.issuedOn', { date: d.issuedOn }) }),
            el('span', { class: 'document-downloads' }, [button('pdf'), button('docx')]),
            message]);
    }

    /** The card of case {@code caseId}, returned at once and filled when the list arrives. */
    function card(caseId) {
        var body = el('div', { 'aria-live': 'polite', 'aria-busy': 'true' }, [el('p', { class: 'muted', text: t('kit.loading') })]);
        LV.api('', '/api/cases/' + encodeURIComponent(caseId) + '/documents').then(function (answer) {
            body.removeAttribute('aria-busy');
            body.replaceChildren(answer.items.length ? el('ul', { class: 'documents' }, answer.items.map(item))
                : el('p', { class: 'muted', text: t('documents.none') }));
        }, function (error) {
            body.removeAttribute('aria-busy');
            body.replaceChildren(el('p', { class: 'notice', role: 'alert', text: failure(error) }));
        });
        return el('section', { class: 'card', id: 'file-documents', 'aria-labelledby': 'file-documents-title' },
            [el('h2', { id: 'file-documents-title', text: t('documents.title') }), body]);
    }

    window.CaseDocs = { card: card };
}());
