/* Return-visit worklist: pending and overdue visits after every closed case; completing one. */
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

    var PAGE_SIZE = 20;

    /** The visits of the chosen status, not completed first and earliest due first, a page at a time. */
    function show() {
        var page = LV.pageOf('worklist');
        var status = document.getElementById('worklist-status').value;
        var target = document.getElementById('worklist');
        var canComplete = LV.hasRole(['followup']);
        target.setAttribute('aria-busy', 'true');
        return LV.api('', '/api/return-visits?status=' + status + '&size=' + PAGE_SIZE + '&page=' + page).then(function (list) {
            target.removeAttribute('aria-busy');
            var items = list.items;
            if (list.total === 0) {
                target.replaceChildren(el('p', { class: 'muted', text: t('worklist.empty') }));
                return;
            }
            target.replaceChildren(el('p', { class: 'actions' }, [el('span', { class: 'muted',
                text: t('worklist.count', { count: list.total }) }), LV.exportButtons('', function (format) {
                return '/api/return-visits/export?format=' + format + '&status=' + status;
            })]),
                el('div', { class: 'table-wrap' }, [el('table', {}, [
                    el('thead', {}, [el('tr', {}, ['worklist.caseNumber', 'worklist.department', 'worklist.closedOn',
                        'worklist.dueBy', 'worklist.status', 'worklist.action'].map(function (k) {
                        return el('th', { scope: 'col', text: t(k) });
                    }))]),
                    el('tbody', {}, items.map(function (v) {
                        return el('tr', { 'data-case-number': v.caseNumber }, [
                            el('td', { text: v.caseNumber }), el('td', { text: t('department.' + v.department) }),
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
            var select = document.getElementById('worklist-status');
            select.value = LV.param('worklist.status', select.value);
            select.addEventListener('change', function () {
                LV.remember({ 'worklist.status': select.value, 'worklist.page': 0 });
                return show();
            });
            return show();
        }
    });
}());
