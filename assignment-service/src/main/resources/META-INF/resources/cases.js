/*
 * Supervisor board (assign, transfer, change a deadline), department queues (accept, close, suspend, resume) and the
 * case file (#/cases/<id>, casefile.js), which also opens for reception and the return-visit officers.
 */
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

    /** A case's transition; with {@code ifMatch} (the version the page shows) a case changed meanwhile is a 412. */
    function postAs(caseId, action, body, ifMatch) {
        return LV.api('', '/api/cases/' + caseId + '/' + action, { method: 'POST', body: body,
            headers: ifMatch ? { 'If-Match': '"' + ifMatch + '"' } : undefined });
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
                distance: CaseFilePage.distance(LV.daysBetween(LV.today(), preview.deadline)) });
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
    function showUnassigned() {
        var target = document.getElementById('unassigned');
        var page = LV.pageOf('board');
        var q = LV.param('board.q', '');
        var query = new URLSearchParams({ size: BOARD_PAGE_SIZE, page: page });
        if (q) {
            query.set('q', q);
        }
        return LV.api('', '/api/cases/unassigned?' + query.toString()).then(function (list) {
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
                }))])]), el('div', { class: 'actions' }, [LV.pager(page, BOARD_PAGE_SIZE, list.total, showUnassigned, 'board'),
                LV.exportButtons('', function (format) {
                    query.set('format', format);
                    return '/api/cases/unassigned/export?' + query.toString();
                })]));
        }, function (error) {
            target.replaceChildren(el('p', { class: 'form-error', text: error.message }));
        });
    }

    /* ---------- queues ---------- */

    /**
     * What the user may do to a case, for a queue row and for the case file; {@code prefix} starts the forms' ids
     * ({@code case-<number>} in a queue), {@code item.ifMatch} the version the file shows.
     */
    function caseActions(item, department, reload, prefix) {
        var actions = [];
        var id = item.id;
        var done = function () { return reload(); };
        var post = function (caseId, action, body) { return postAs(caseId, action, body, item.ifMatch); };
        prefix = prefix || 'case-' + item.caseNumber;
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
        if (supervisor && item.status === 'ACCEPTED' && !item.handlingExtendedBy) {
            // the one statutory extension, with the head's approval and the reason the petitioner is told
            actions.push(LV.actionForm('extension', prefix + '-extension', [
                { name: 'days', label: 'extension.days', type: 'number', value: '30' },
                { name: 'reason', label: 'extension.reason', type: 'textarea', required: true }
            ], function (values) { return post(id, 'extension', values).then(done); }));
        }
        if (LV.committee() && item.status !== 'CLOSED') {
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
        // each cell names its column (data-label): below 640 px the rows are cards that show the names
        function cell(labelKey, attributes, children) {
            return el('td', Object.assign({ 'data-label': t(labelKey) }, attributes), children);
        }
        return el('div', { class: 'table-wrap' }, [el('table', { class: 'queue-table' }, [
            el('thead', {}, [el('tr', {}, ['case.caseNumber', 'case.subject', 'case.responsibleLeader', 'case.deadline',
                'case.status', 'board.action'].map(function (k) { return el('th', { scope: 'col', text: t(k) }); }))]),
            el('tbody', {}, items.map(function (item) {
                var deadlineCell = [item.deadline, ' '];
                if (item.overdue) {
                    deadlineCell.push(el('span', { class: 'badge overdue', text: t('queue.overdue', { days: item.daysOverdue }) }));
                } else if (item.status === 'ASSIGNED' || item.status === 'ACCEPTED') {
                    // only an open case counts down: a suspended or closed one keeps its deadline without the days
                    var left = LV.daysBetween(today, item.deadline);
                    // due within a week: marked, so the head of department sees it before it is overdue
                    // reminders before, not only after: due within 7, 3 and 1 days, each marked more strongly
                    var soon = left <= 1 ? ' due-1' : left <= 3 ? ' due-3' : '';
                    deadlineCell.push(el('span', { class: left <= DUE_SOON_DAYS ? 'badge warn due-soon' + soon : 'badge',
                        text: t('queue.daysLeft', { days: left }) }));
                }
                if (item.statutoryHandlingDue) {
                    // the Regulations' 60 days from acceptance, beside the leadership's deadline
                    deadlineCell.push(el('div', { class: 'muted statutory', 'data-date': item.statutoryHandlingDue.date,
                        text: t('queue.statutory', { date: item.statutoryHandlingDue.date })
                            + (item.statutoryHandlingDue.provisional ? t('queue.provisional') : '') }));
                }
                if (item.reviewDue) {
                    // reopened on the petitioner's request for a review (复查): its own 30 days
                    deadlineCell.push(el('div', { class: 'badge review', text: t('queue.review', { date: item.reviewDue }) }));
                }
                return el('tr', { 'data-case-number': item.caseNumber, class: item.overdue ? 'overdue' : null }, [
                    cell('case.caseNumber', {}, [el('a', { href: '#/cases/' + item.id, 'data-file': item.id,
                        title: t('file.open'), text: item.caseNumber })]),
                    cell('case.subject', { text: item.subject }), cell('case.responsibleLeader', { text: item.responsibleLeader }),
                    cell('case.deadline', {}, deadlineCell),
                    cell('case.status', {}, [el('span', { class: 'badge', text: t('status.' + item.status) })]),
                    cell('board.action', { class: 'row-actions' }, [caseActions(item, department, reload)])]);
            }))])]);
    }

    var QUEUE_PAGE_SIZE = 20;
    var DUE_SOON_DAYS = 7;
    var QUEUE_STATUSES = ['ASSIGNED,ACCEPTED,SUSPENDED', 'ASSIGNED,ACCEPTED', 'ASSIGNED', 'ACCEPTED', 'SUSPENDED', 'CLOSED', 'ALL'];

    /** A queue's filters as the address keeps them ({@code key.status}, {@code key.leader}, …). */
    function queueSettings(key) {
        return { status: LV.param(key + '.status', QUEUE_STATUSES[0]), leader: LV.param(key + '.leader', ''),
            sort: LV.param(key + '.sort', 'deadline'), q: LV.param(key + '.q', ''), page: LV.pageOf(key) };
    }

    function queueQuery(settings) {
        var query = new URLSearchParams({ status: settings.status, sort: settings.sort });
        if (settings.leader) {
            query.set('leader', settings.leader);
        }
        if (settings.q) {
            query.set('q', settings.q);
        }
        return query;
    }

    /** The department's cases per status (of the responsible leader chosen, whatever the other filters), above the queue. */
    function queueCounts(department, queue) {
        var chips = ['ASSIGNED', 'ACCEPTED', 'SUSPENDED', 'CLOSED'].map(function (status) {
            return el('span', { class: 'badge', 'data-status-count': status,
                text: t('status.' + status) + ' ' + (queue.byStatus[status] || 0) });
        });
        return el('p', { class: 'actions queue-counts' }, [el('strong', { text: t('department.' + department) })].concat(chips));
    }

    /** Status, responsible leader, order, a search within the department's cases, and the two exports. */
    function queueFilters(department, queue, settings, key, reload) {
        var form = el('form', { class: 'actions queue-filters', role: 'search' }, [
            LV.field({ name: 'status', label: 'case.status', value: settings.status,
                options: QUEUE_STATUSES.map(function (s) { return { value: s, label: t('queue.status.' + s) }; }) }, key),
            LV.field({ name: 'leader', label: 'case.responsibleLeader', value: settings.leader,
                options: [{ value: '', label: t('queue.allLeaders') }].concat(queue.leaders.map(function (l) {
                    return { value: l, label: l };
                })) }, key),
            LV.field({ name: 'sort', label: 'queue.sort', value: settings.sort, options: [
                { value: 'deadline', label: t('queue.sort.deadline') }, { value: 'overdue', label: t('queue.sort.overdue') }] }, key),
            LV.field({ name: 'q', label: 'queue.search', type: 'search', value: settings.q }, key),
            el('button', { type: 'submit', text: t('queue.find') }),
            LV.exportButtons('', function (format) {
                var query = queueQuery(settings);
                query.set('format', format);
                return '/api/queues/' + slug(department) + '/export?' + query.toString();
            })
        ]);
        function apply(event) {
            if (event) {
                event.preventDefault();
            }
            var values = {};
            ['status', 'leader', 'sort', 'q'].forEach(function (name) {
                values[key + '.' + name] = form.elements[name].value.trim();
            });
            values[key + '.page'] = 0;
            LV.remember(values);
            return reload();
        }
        form.addEventListener('submit', apply);
        ['status', 'leader', 'sort'].forEach(function (name) { form.elements[name].addEventListener('change', apply); });
        return form;
    }

    /** A department's cases, filtered and sorted as the address says, a page at a time. */
    function loadQueue(department, target, key) {
        var settings = queueSettings(key);
        var reload = function () { return loadQueue(department, target, key); };
        var query = queueQuery(settings);
        query.set('size', QUEUE_PAGE_SIZE);
        query.set('page', settings.page);
        target.setAttribute('aria-busy', 'true');
        // only the latest request may fill the list: a slower answer for a department no longer chosen is dropped
        var ticket = String(Number(target.getAttribute('data-ticket') || 0) + 1);
        target.setAttribute('data-ticket', ticket);
        return LV.api('', '/api/queues/' + slug(department) + '?' + query.toString()).then(function (queue) {
            if (target.getAttribute('data-ticket') !== ticket) {
                return;
            }
            target.removeAttribute('aria-busy');
            target.replaceChildren(queueCounts(department, queue), queueFilters(department, queue, settings, key, reload),
                el('p', { class: 'muted queue-found' }, [t('queue.found', { total: queue.total }), ' ',
                    el('span', { class: queue.overdue ? 'badge overdue' : 'badge', 'data-overdue': queue.overdue,
                        text: t('queue.overdueCount', { overdue: queue.overdue }) })]),
                queueTable(department, queue.items, reload), LV.pager(settings.page, QUEUE_PAGE_SIZE, queue.total, reload, key));
        }, function (error) {
            if (target.getAttribute('data-ticket') !== ticket) {
                return;
            }
            target.removeAttribute('aria-busy');
            target.replaceChildren(el('p', { class: 'form-error', text: error.message }));
        });
    }

    /** The department an officer works for, or a department leader reads; null for the committee's staff. */
    function ownDepartment() {
        var held = DEPARTMENTS.filter(function (d) { return LV.hasRole(['dept-' + slug(d)]); });
        return held.length ? held[0] : LV.leaderDepartment();
    }

    function showQueue() {
        var own = ownDepartment();
        var select = document.getElementById('queue-department');
        if (!own && !select.options.length) {
            document.getElementById('queue-picker').hidden = false;
            departmentOptions(select, LV.param('queue.department', 'PUBLIC_SECURITY'));
            select.addEventListener('change', function () {
                LV.remember({ 'queue.department': select.value, 'queue.page': 0, 'queue.leader': '', 'queue.q': '' });
                showQueue();
            });
        }
        var department = own || select.value;
        document.getElementById('queue-title').textContent = t('queue.titleOf', { department: t('department.' + department) });
        return loadQueue(department, document.getElementById('queue-items'), 'queue');
    }

    /** The board's search box: a case number or words of the subject, kept in the address (board.q). */
    function boardSearch() {
        var form = document.getElementById('board-search');
        if (form.dataset.ready) {
            return;
        }
        form.dataset.ready = 'true';
        form.elements.q.value = LV.param('board.q', '');
        form.addEventListener('submit', function (event) {
            event.preventDefault();
            LV.remember({ 'board.q': form.elements.q.value.trim(), 'board.page': 0 });
            showUnassigned();
        });
    }

    function showBoard() {
        boardSearch();
        var select = document.getElementById('supervise-department');
        if (!select.options.length) {
            departmentOptions(select, LV.param('supervised.department', 'PUBLIC_SECURITY'));
            select.addEventListener('change', function () {
                LV.remember({ 'supervised.department': select.value, 'supervised.page': 0, 'supervised.leader': '',
                    'supervised.q': '' });
                loadQueue(select.value, document.getElementById('supervised'), 'supervised');
            });
        }
        return Promise.all([showUnassigned(), loadQueue(select.value, document.getElementById('supervised'), 'supervised')]);
    }

    var QUEUE_ROLES = ['supervisor', 'leader', 'dept-public-security', 'dept-procuratorate', 'dept-court', 'dept-justice-bureau'];

    /** The case a #/cases/<id> address opens as a file, or null. */
    function fileId() {
        var match = /^#\/cases\/([0-9a-fA-F-]{36})$/.exec(window.location.hash);
        return match ? match[1] : null;
    }

    /** The file, the board, a queue, or (for reception and return visits, who have neither) where files open from. */
    function route() {
        var id = fileId();
        var worksQueues = LV.hasRole(QUEUE_ROLES);
        var wantsBoard = !id && window.location.hash !== '#queue' && LV.committee();
        var wantsQueue = !id && !wantsBoard && worksQueues;
        document.getElementById('case-file').hidden = !id;
        document.getElementById('board').hidden = !wantsBoard;
        document.getElementById('queue').hidden = !wantsQueue;
        document.getElementById('no-queue').hidden = Boolean(id || wantsBoard || wantsQueue);
        document.getElementById('case-file-back').hidden = !worksQueues;
        if (id) {
            return CaseFilePage.show(id, caseActions);
        }
        return wantsBoard ? showBoard() : wantsQueue ? showQueue() : undefined;
    }

    LV.start({
        title: 'cases.title',
        section: function () {
            if (fileId()) {
                return window.location.hash;
            }
            return window.location.hash === '#queue' || !LV.committee() ? '#queue' : '#board';
        },
        roles: QUEUE_ROLES.concat(['reception', 'followup']),
        render: function () {
            window.addEventListener('hashchange', route);
            return route();
        }
    });
}());
