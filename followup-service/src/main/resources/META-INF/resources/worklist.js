/* Return-visit worklist: the visits after every closed case, not completed and overdue first, each with whom to call
   (name and masked phone from petition-service, the whole number on demand), the case's subject, the department's
   answer and the failed attempts; found by case number. A table at desk width, one card per visit on a phone
   (worklist.css); the forms open in one panel below the visit (visit-panel.js). */
(function () {
    'use strict';
    var t = LV.t;
    var el = LV.el;
    var PAGE_SIZE = 20;
    var COLUMNS = ['worklist.petitioner', 'worklist.case', 'worklist.departmentAnswer', 'worklist.closedOn',
        'worklist.dueBy', 'worklist.attempts', 'worklist.action'];

    /** One cell; {@code data-label} heads it on a phone, where the table's head is hidden. */
    function cell(labelKey, children, attributes) {
        return el('td', Object.assign({ role: 'cell', 'data-label': t(labelKey) }, attributes || {}), children);
    }

    /** Free text of the case (subject, answer): null once the petitioner is erased, or for visits kept before. */
    function caseText(text, kind) {
        return text == null ? el('span', { class: 'muted', 'data-text': kind, text: t('worklist.noText') })
            : el('span', { class: 'case-text', 'data-text': kind, text: text });
    }

    /** 「显示号码」: asks for the whole number (petition-service logs it) and makes it a tel: link. */
    function revealButton(visit, phone) {
        var problem = el('span', { class: 'form-error reveal-problem', role: 'alert' });
        var button = el('button', { type: 'button', class: 'secondary reveal', id: 'reveal-' + visit.id,
            'aria-label': t('worklist.reveal.label', { name: visit.petitioner.name || '' }), text: t('worklist.reveal') });
        button.addEventListener('click', function () {
            button.disabled = true;
            LV.api('', '/api/return-visits/' + visit.id + '/reveal-phone', { method: 'POST' }).then(function (answer) {
                var whole = answer.phone ? el('a', { class: 'phone', 'data-petitioner': 'phone',
                    href: 'tel:' + answer.phone.replace(/[^0-9+]/g, ''), text: answer.phone })
                    : el('span', { class: 'phone muted', 'data-petitioner': 'phone', text: t('worklist.noPhone') });
                phone.replaceWith(whole);
                button.remove();
                problem.remove();
                if (whole.focus) {
                    whole.focus();
                }
            }, function (error) {
                button.disabled = false;
                problem.textContent = error.status === 503 ? t('worklist.reveal.unavailable')
                    : t('worklist.reveal.failed', { reason: error.message });
            });
        });
        return [button, problem];
    }

    function petitionerCell(visit, mayCall) {
        var p = visit.petitioner;
        var shown;
        if (!p) {
            shown = [el('span', { class: 'muted', text: t('worklist.noText') })];
        } else if (p.erased) {
            shown = [el('span', { class: 'muted', text: t('worklist.erased') })];
        } else {
            var phone = el('span', { class: 'phone', 'data-petitioner': 'phone', text: p.phone || t('worklist.noPhone') });
            shown = [el('strong', { 'data-petitioner': 'name', text: p.name || '' }), phone]
                .concat(mayCall && p.phone ? revealButton(visit, phone) : []);
        }
        return cell('worklist.petitioner', shown, { class: 'who' });
    }

    /** Due by, with how it stands: 已逾期 N 天, 今天到期, 还有 N 天 (marked within 3 days), or 已回访 with the outcome. */
    function dueCell(visit) {
        var badge;
        var outcome = null;
        if (visit.status === 'COMPLETED') {
            badge = el('span', { class: 'badge done', text: t('visitStatus.COMPLETED') });
            outcome = el('span', { class: 'muted visited', text: t('worklist.visited', { date: visit.visitedOn,
                satisfaction: visit.satisfaction ? t('satisfaction.' + visit.satisfaction) : '' }) });
        } else if (visit.status === 'OVERDUE') {
            badge = el('span', { class: 'badge overdue', text: t('worklist.overdueBy',
                { days: Math.max(1, LV.daysBetween(visit.dueBy, LV.today())) }) });
        } else {
            var left = Math.max(0, LV.daysBetween(LV.today(), visit.dueBy));
            badge = el('span', { class: left <= 3 ? 'badge due-soon' : 'badge',
                text: left === 0 ? t('worklist.dueToday') : t('worklist.daysLeft', { days: left }) });
        }
        return cell('worklist.dueBy', [el('time', { datetime: visit.dueBy, text: visit.dueBy }), ' ', badge, outcome],
            { 'data-field': 'due' });
    }

    function attemptsCell(visit) {
        var last = visit.lastAttempt;
        return cell('worklist.attempts', [el('span', { 'data-field': 'attempts',
            text: t('worklist.attemptCount', { count: visit.attempts }) }),
            last ? el('span', { class: 'muted last-attempt', 'data-field': 'last-attempt' }, [t('worklist.lastAttempt'), ' ',
                el('time', { datetime: last.attemptedOn, text: last.attemptedOn }), t('worklist.colon'),
                t('notReached.' + last.reason)]) : null]);
    }

    function row(visit, mayAct) {
        var tr = el('tr', { class: 'visit', role: 'row', 'data-visit': visit.id, 'data-case-number': visit.caseNumber,
            'data-status': visit.status });
        var actions = mayAct && visit.status !== 'COMPLETED' ? ['complete', 'attempt'].map(function (kind) {
            return WorklistPanel.toggle(visit, kind, tr, COLUMNS.length, shownAgain);
        }) : [];
        [petitionerCell(visit, mayAct),
            cell('worklist.case', [el('a', { class: 'case-number', href: LV.services().assignment + '/#/cases/' + visit.caseId,
                'data-file': visit.caseId, text: visit.caseNumber }), caseText(visit.subject, 'subject')]),
            cell('worklist.departmentAnswer', [el('strong', { text: t('department.' + visit.department) }),
                t('worklist.colon'), caseText(visit.answer, 'answer')]),
            cell('worklist.closedOn', [el('time', { datetime: visit.closedOn, text: visit.closedOn })]),
            dueCell(visit), attemptsCell(visit),
            cell('worklist.action', actions, { class: 'visit-actions' })].forEach(function (c) { tr.appendChild(c); });
        return tr;
    }

    /** After a form's success: the list again, the focus back on the visit (or on the count when it left the list). */
    function shownAgain(visit) {
        return show().then(function () {
            var again = document.querySelector('#worklist [data-visit="' + visit.id + '"] summary')
                || document.getElementById('worklist-count');
            if (again) {
                again.focus();
            }
        });
    }

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
        var mayAct = LV.hasRole(['followup']);
        target.setAttribute('aria-busy', 'true');
        return LV.api('', '/api/return-visits?' + query.toString()).then(function (list) {
            target.removeAttribute('aria-busy');
            WorklistPanel.close(false);
            if (list.total === 0) {
                target.replaceChildren(el('p', { class: 'muted', text: searched
                    ? t('worklist.notFound', { q: searched }) : t('worklist.empty') }));
                return;
            }
            target.replaceChildren.apply(target, [el('p', { class: 'actions' }, [el('span', { class: 'muted', id: 'worklist-count',
                tabindex: '-1', text: t('worklist.count', { count: list.total }) }), LV.exportButtons('', function (format) {
                var exported = filterQuery();
                exported.set('format', format);
                return '/api/return-visits/export?' + exported.toString();
            })]),
            list.petitionersUnavailable ? el('p', { class: 'notice', id: 'petitioners-unavailable', role: 'status',
                text: t('worklist.petitionersUnavailable') }) : null,
            el('div', { class: 'table-wrap' }, [el('table', { class: 'visits', role: 'table' }, [
                el('thead', { role: 'rowgroup' }, [el('tr', { role: 'row' }, COLUMNS.map(function (k) {
                    return el('th', { scope: 'col', role: 'columnheader', text: t(k) });
                }))]),
                el('tbody', { role: 'rowgroup' }, list.items.map(function (v) { return row(v, mayAct); }))])]),
            LV.pager(page, PAGE_SIZE, list.total, show, 'worklist')].filter(Boolean));
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
