/* Return-visit worklist: pending and overdue visits after every closed case, with the case's subject and the
   department's answer, found by case number; completing one. */
(function () {
    'use strict';
    var t = LV.t;
    var el = LV.el;

    function completeForm(visit) {
        var details = LV.actionForm('complete', 'visit-' + visit.caseNumber, [
            { name: 'visitedOn', label: 'complete.visitedOn', type: 'date', value: LV.today() },
            { name: 'visitor', label: 'complete.visitor', required: true },
            { name: 'satisfaction', label: 'complete.satisfaction', options: ['SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED']
                .map(function (s) { return { value: s, label: t('satisfaction.' + s) }; }) },
            { name: 'notes', label: 'complete.notes', type: 'textarea' },
            { name: 'petitionerWithdraws', label: 'complete.petitionerWithdraws', type: 'checkbox' },
            { name: 'reopen', label: 'complete.reopen', type: 'checkbox' }
        ], function (values) {
            return LV.api('', '/api/return-visits/' + visit.id + '/complete', { method: 'POST', body: values })
                .then(function () { return show(); });
        });
        return details;
    }

    function dueCell(visit) {
        var cell = [visit.dueBy, ' '];
        if (visit.status === 'OVERDUE') {
            cell.push(el('span', { class: 'badge overdue', text: t('worklist.overdueBy', { days: LV.daysBetween(visit.dueBy, LV.today()) }) }));
        } else if (visit.status === 'PENDING') {
            cell.push(el('span', { class: 'badge', text: t('worklist.daysLeft', { days: LV.daysBetween(LV.today(), visit.dueBy) }) }));
        }
        return cell;
    }

    /** Free text of the case (subject, answer): null once the petitioner is erased, or for visits kept before. */
    function textCell(text, kind) {
        return text == null ? el('td', { class: 'muted', 'data-text': kind, text: t('worklist.noText') })
            : el('td', { class: 'case-text', 'data-text': kind, text: text });
    }

    var PAGE_SIZE = 20;

    /** The API's filters for the page's: status (ALL: none) and the case number searched for. */
    function filterQuery() {
        var status = document.getElementById('worklist-status').value;
        var q = document.getElementById('worklist-q').value.trim();
        var query = new URLSearchParams();
        if (status !== 'ALL') {
            query.set('status', status);
        }
        if (q) {
            query.set('q', q);
        }
        return query;
    }

    /** The visits of the chosen status (and case number), not completed first and earliest due first, a page at a time. */
    function show() {
        var page = LV.pageOf('worklist');
        var searched = document.getElementById('worklist-q').value.trim();
        var query = filterQuery();
        query.set('size', PAGE_SIZE);
        query.set('page', page);
        var target = document.getElementById('worklist');
        var canComplete = LV.hasRole(['followup']);
        target.setAttribute('aria-busy', 'true');
        return LV.api('', '/api/return-visits?' + query.toString()).then(function (list) {
            target.removeAttribute('aria-busy');
            var items = list.items;
            if (list.total === 0) {
                target.replaceChildren(el('p', { class: 'muted', text: searched
                    ? t('worklist.notFound', { q: searched }) : t('worklist.empty') }));
                return;
            }
            target.replaceChildren(el('p', { class: 'actions' }, [el('span', { class: 'muted',
                text: t('worklist.count', { count: list.total }) }), LV.exportButtons('', function (format) {
                var exported = filterQuery();
                exported.set('format', format);
                return '/api/return-visits/export?' + exported.toString();
            })]),
                el('div', { class: 'table-wrap' }, [el('table', {}, [
                    el('thead', {}, [el('tr', {}, ['worklist.caseNumber', 'worklist.department', 'worklist.subject',
                        'worklist.answer', 'worklist.closedOn', 'worklist.dueBy', 'worklist.status', 'worklist.action']
                        .map(function (k) {
                            return el('th', { scope: 'col', text: t(k) });
                        }))]),
                    el('tbody', {}, items.map(function (v) {
                        return el('tr', { 'data-case-number': v.caseNumber }, [
                            el('td', { text: v.caseNumber }), el('td', { text: t('department.' + v.department) }),
                            textCell(v.subject, 'subject'), textCell(v.answer, 'answer'),
                            el('td', { text: v.closedOn }), el('td', {}, dueCell(v)),
                            el('td', {}, [el('span', { class: v.status === 'OVERDUE' ? 'badge overdue' : 'badge',
                                text: t('visitStatus.' + v.status) })]),
                            el('td', {}, [canComplete && v.status !== 'COMPLETED' ? completeForm(v) : null])]);
                    }))])]), LV.pager(page, PAGE_SIZE, list.total, show, 'worklist'));
        }, function (error) {
            target.removeAttribute('aria-busy');
            target.replaceChildren(el('p', { class: 'form-error', text: error.message }));
        });
    }

    LV.start({
        title: 'worklist.title',
        roles: ['followup', 'supervisor', 'leader'],
        render: function () {
            var form = document.getElementById('worklist-filter');
            var select = document.getElementById('worklist-status');
            var search = document.getElementById('worklist-q');
            // a link may name the case as ?q=XF-2026-00012; the page keeps it as worklist.q, like its other filters
            search.value = LV.param('worklist.q', LV.param('q', ''));
            // a case searched for shows all its visits unless the address names a status
            select.value = LV.param('worklist.status', search.value ? 'ALL' : select.value);
            function apply(event) {
                if (event) {
                    event.preventDefault();
                }
                LV.remember({ 'worklist.status': select.value, 'worklist.q': search.value.trim(), q: null,
                    'worklist.page': 0 });
                return show();
            }
            select.addEventListener('change', apply);
            form.addEventListener('submit', apply);
            return show();
        }
    });
}());
