/* Supervisor board (assign, transfer, change a deadline) and department queues (accept, close, suspend, resume). */
(function () {
    'use strict';
    var t = LV.t;
    var el = LV.el;
    var DEPARTMENTS = ['PUBLIC_SECURITY', 'PROCURATORATE', 'COURT', 'JUSTICE_BUREAU'];

    function slug(department) {
        return department.toLowerCase().replace(/_/g, '-');
    }

    function departmentOptions(select, selected) {
        select.replaceChildren.apply(select, DEPARTMENTS.map(function (d) {
            return el('option', { value: d, selected: d === selected, text: t('department.' + d) });
        }));
    }

    function post(caseId, action, body) {
        return LV.api('', '/api/cases/' + caseId + '/' + action, { method: 'POST', body: body });
    }

    /* ---------- supervisor board ---------- */

    function deadlinePreview(form) {
        var target = form.querySelector('.deadline-preview');
        var query = new URLSearchParams({ difficulty: form.elements.difficulty.value });
        if (form.elements.assignedOn.value) {
            query.set('assignedOn', form.elements.assignedOn.value);
        }
        if (form.elements.deadline.value) {
            target.textContent = t('assign.deadlineChosen', { deadline: form.elements.deadline.value });
            return;
        }
        LV.api('', '/api/deadlines/preview?' + query.toString()).then(function (preview) {
            target.textContent = t('assign.deadlinePreview', { deadline: preview.deadline,
                days: LV.daysBetween(LV.today(), preview.deadline) });
        }, function (error) {
            target.textContent = error.message;
        });
    }

    function assignForm(petition) {
        var preview = el('p', { class: 'deadline-preview muted', 'aria-live': 'polite' });
        var details = LV.actionForm('assign', 'assign-' + petition.caseNumber, [
            { name: 'department', label: 'case.department',
                options: DEPARTMENTS.map(function (d) { return { value: d, label: t('department.' + d) }; }) },
            { name: 'responsibleLeader', label: 'case.responsibleLeader', required: true },
            { name: 'difficulty', label: 'case.difficulty', options: [
                { value: 'ROUTINE', label: t('difficulty.ROUTINE') }, { value: 'DIFFICULT', label: t('difficulty.DIFFICULT') }] },
            { name: 'assignedOn', label: 'assign.assignedOn', type: 'date', value: LV.today() },
            { name: 'deadline', label: 'assign.deadline', type: 'date' }
        ], function (values) {
            values.petitionId = petition.petitionId;
            return LV.api('', '/api/cases', { method: 'POST', body: values }).then(function (created) {
                details.replaceWith(el('span', { class: 'success', text: t('assign.done', {
                    department: t('department.' + created.department), deadline: created.deadline }) }));
            });
        }, preview);
        var form = details.querySelector('form');
        ['difficulty', 'assignedOn', 'deadline'].forEach(function (name) {
            form.elements[name].addEventListener('change', function () { deadlinePreview(form); });
        });
        details.addEventListener('toggle', function () {
            if (details.open) {
                deadlinePreview(form);
            }
        });
        return details;
    }

    var BOARD_PAGE_SIZE = 20;

    /** The law-and-litigation petitions without a case, oldest first, a page at a time (from assignment-service). */
    function showUnassigned(page) {
        var target = document.getElementById('unassigned');
        page = page || 0;
        return LV.api('', '/api/cases/unassigned?size=' + BOARD_PAGE_SIZE + '&page=' + page).then(function (list) {
            if (list.total === 0) {
                target.replaceChildren(el('p', { class: 'muted', text: t('board.nothingUnassigned') }));
                return;
            }
            target.replaceChildren(el('div', { class: 'table-wrap' }, [el('table', {}, [
                el('thead', {}, [el('tr', {}, ['case.caseNumber', 'board.receivedOn', 'board.daysWaiting', 'case.subject', 'board.action']
                    .map(function (k) { return el('th', { scope: 'col', text: t(k) }); }))]),
                el('tbody', {}, list.items.map(function (p) {
                    return el('tr', { 'data-case-number': p.caseNumber }, [el('td', { text: p.caseNumber }),
                        el('td', { text: p.receivedOn }), el('td', { class: 'num', text: String(p.daysWaiting) }),
                        el('td', { text: p.subject }), el('td', {}, [assignForm(p)])]);
                }))])]), LV.pager(page, BOARD_PAGE_SIZE, list.total, showUnassigned));
        }, function (error) {
            target.replaceChildren(el('p', { class: 'form-error', text: error.message }));
        });
    }

    /* ---------- queues ---------- */

    function caseActions(item, department, reload) {
        var actions = [];
        var id = item.id;
        var done = function () { return reload(); };
        var prefix = 'case-' + item.caseNumber;
        var mine = LV.hasRole(['dept-' + slug(department)]);
        var supervisor = LV.hasRole(['supervisor']);
        if (mine && item.status === 'ASSIGNED') {
            actions.push(el('button', { type: 'button', 'data-action': 'accept', text: t('action.accept'), onclick: function (e) {
                e.target.disabled = true;
                post(id, 'accept').then(function () { LV.announce(t('action.accept.done')); return done(); },
                    function (error) { e.target.disabled = false; LV.announce(error.message); });
            } }));
        }
        if (mine && item.status === 'ACCEPTED') {
            actions.push(LV.actionForm('close', prefix + '-close', [
                { name: 'resolution', label: 'close.resolution', type: 'textarea', required: true },
                { name: 'closedOn', label: 'close.closedOn', type: 'date', value: LV.today() }
            ], function (values) { return post(id, 'close', values).then(done); }));
            actions.push(LV.actionForm('suspend', prefix + '-suspend', [
                { name: 'reason', label: 'suspend.reason', type: 'textarea', required: true },
                { name: 'suspendedOn', label: 'suspend.suspendedOn', type: 'date', value: LV.today() }
            ], function (values) { return post(id, 'suspend', values).then(done); }));
        }
        if ((mine || supervisor) && item.status === 'SUSPENDED') {
            actions.push(el('button', { type: 'button', 'data-action': 'resume', text: t('action.resume'), onclick: function (e) {
                e.target.disabled = true;
                post(id, 'resume').then(function () { LV.announce(t('action.resume.done')); return done(); },
                    function (error) { e.target.disabled = false; LV.announce(error.message); });
            } }));
        }
        if (supervisor && item.status !== 'CLOSED') {
            actions.push(LV.actionForm('transfer', prefix + '-transfer', [
                { name: 'department', label: 'transfer.to', options: DEPARTMENTS.filter(function (d) { return d !== department; })
                    .map(function (d) { return { value: d, label: t('department.' + d) }; }) },
                { name: 'reason', label: 'transfer.reason', type: 'textarea', required: true }
            ], function (values) { return post(id, 'transfer', values).then(done); }));
        }
        if (LV.hasRole(['supervisor', 'leader']) && item.status !== 'CLOSED') {
            actions.push(LV.actionForm('deadline', prefix + '-deadline', [
                { name: 'deadline', label: 'deadline.new', type: 'date', value: item.deadline },
                { name: 'reason', label: 'deadline.reason', type: 'textarea', required: true }
            ], function (values) { return post(id, 'deadline', values).then(done); }));
        }
        return el('div', { class: 'actions' }, actions);
    }

    function queueTable(department, items, reload) {
        if (items.length === 0) {
            return el('p', { class: 'muted', text: t('queue.empty') });
        }
        var today = LV.today();
        return el('div', { class: 'table-wrap' }, [el('table', {}, [
            el('thead', {}, [el('tr', {}, ['case.caseNumber', 'case.subject', 'case.responsibleLeader', 'case.deadline',
                'case.status', 'board.action'].map(function (k) { return el('th', { scope: 'col', text: t(k) }); }))]),
            el('tbody', {}, items.map(function (item) {
                var deadlineCell = [item.deadline, ' '];
                if (item.overdue) {
                    deadlineCell.push(el('span', { class: 'badge overdue', text: t('queue.overdue', { days: item.daysOverdue }) }));
                } else if (item.status !== 'SUSPENDED') {
                    var left = LV.daysBetween(today, item.deadline);
                    // due within a week: marked, so the head of department sees it before it is overdue
                    deadlineCell.push(el('span', { class: left <= DUE_SOON_DAYS ? 'badge warn due-soon' : 'badge',
                        text: t('queue.daysLeft', { days: left }) }));
                }
                return el('tr', { 'data-case-number': item.caseNumber, class: item.overdue ? 'overdue' : null }, [
                    el('td', { text: item.caseNumber }), el('td', { text: item.subject }),
                    el('td', { text: item.responsibleLeader }), el('td', {}, deadlineCell),
                    el('td', {}, [el('span', { class: 'badge', text: t('status.' + item.status) })]),
                    el('td', {}, [caseActions(item, department, reload)])]);
            }))])]);
    }

    var QUEUE_PAGE_SIZE = 20;
    var DUE_SOON_DAYS = 7;

    /** A department's open and suspended cases, earliest deadline first, a page at a time. */
    function loadQueue(department, target, page) {
        page = page || 0;
        var path = '/api/queues/' + slug(department);
        var reload = function () { return loadQueue(department, target, page); };
        var go = function (other) { return loadQueue(department, target, other); };
        return Promise.all([LV.api('', path + '?status=ASSIGNED,ACCEPTED,SUSPENDED&size=' + QUEUE_PAGE_SIZE + '&page=' + page),
            LV.api('', path + '?status=SUSPENDED&size=1')])
            .then(function (pages) {
                var queue = pages[0];
                target.replaceChildren(
                    el('p', { class: 'muted', text: t('queue.summary', { department: t('department.' + department),
                        open: queue.total - pages[1].total, suspended: pages[1].total, overdue: queue.overdue }) }),
                    queueTable(department, queue.items, reload), LV.pager(page, QUEUE_PAGE_SIZE, queue.total, go));
            }, function (error) {
                target.replaceChildren(el('p', { class: 'form-error', text: error.message }));
            });
    }

    function ownDepartment() {
        var held = DEPARTMENTS.filter(function (d) { return LV.hasRole(['dept-' + slug(d)]); });
        return held.length ? held[0] : null;
    }

    function showQueue() {
        var own = ownDepartment();
        var select = document.getElementById('queue-department');
        if (!own && !select.options.length) {
            document.getElementById('queue-picker').hidden = false;
            departmentOptions(select, 'PUBLIC_SECURITY');
            select.addEventListener('change', showQueue);
        }
        var department = own || select.value;
        document.getElementById('queue-title').textContent = t('queue.titleOf', { department: t('department.' + department) });
        return loadQueue(department, document.getElementById('queue-items'));
    }

    function showBoard() {
        var select = document.getElementById('supervise-department');
        if (!select.options.length) {
            departmentOptions(select, 'PUBLIC_SECURITY');
            select.addEventListener('change', function () { loadQueue(select.value, document.getElementById('supervised'), 0); });
        }
        return Promise.all([showUnassigned(), loadQueue(select.value, document.getElementById('supervised'))]);
    }

    function route() {
        var wantsBoard = window.location.hash !== '#queue' && LV.hasRole(['supervisor', 'leader']);
        document.getElementById('board').hidden = !wantsBoard;
        document.getElementById('queue').hidden = wantsBoard;
        return wantsBoard ? showBoard() : showQueue();
    }

    LV.start({
        title: 'cases.title',
        section: function () {
            return window.location.hash === '#queue' || !LV.hasRole(['supervisor', 'leader']) ? '#queue' : '#board';
        },
        roles: ['supervisor', 'leader', 'dept-public-security', 'dept-procuratorate', 'dept-court', 'dept-justice-bureau'],
        render: function () {
            window.addEventListener('hashchange', route);
            return route();
        }
    });
}());
