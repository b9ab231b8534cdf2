/* Reception desk: today's joint visit status, registering petitions, looking up petitioners, the case page. */
(function () {
    'use strict';
    var t = LV.t;
    var el = LV.el;

    function statusBadge(status) {
        return el('span', { class: 'badge', text: t('status.' + status) });
    }

    function showToday() {
        var box = document.getElementById('today');
        var day = LV.today();
        return LV.api('', '/api/calendar?from=' + day).then(function (calendar) {
            var today = calendar.days[0];
            var leaders = today.dutyLeaders.map(function (d) {
                return el('li', {}, [t('kit.pair', { name: t('department.' + d.department), value: d.leader })]);
            });
            box.replaceChildren(
                el('p', { id: 'joint-visit-status', class: today.jointVisitDay ? 'badge ok' : 'badge',
                    text: t(today.jointVisitDay ? 'today.jointVisitDay' : 'today.noJointVisit', { date: today.date }) }),
                el('h3', { text: t('today.dutyLeaders') }),
                el('ul', {}, leaders),
                el('p', { class: 'muted', text: t('today.upcoming', { days: calendar.jointVisitDays.join(t('kit.listSeparator')) || t('kit.none') }) }));
        }).catch(function (error) {
            box.replaceChildren(el('p', { class: 'form-error', text: error.message }));
        });
    }

    function register(event) {
        event.preventDefault();
        var form = event.target;
        var result = document.getElementById('register-result');
        result.textContent = '';
        LV.clearProblems(form);
        var body = LV.formValues(form);
        form.querySelector('button[type=submit]').disabled = true;
        LV.api('', '/api/petitions', { method: 'POST', body: body,
            headers: { 'Idempotency-Key': form.dataset.key || (form.dataset.key = crypto.randomUUID()) } })
            .then(function (created) {
                delete form.dataset.key;
                form.reset();
                form.querySelector('[name=receivedOn]').value = LV.today();
                result.dataset.caseNumber = created.caseNumber;
                result.replaceChildren(t('register.done', { caseNumber: created.caseNumber }) + ' ',
                    el('a', { href: '#case/' + created.id, id: 'registered-case', text: t('register.open') }), ' ',
                    el('a', { href: '#receipt/' + created.id, id: 'registered-receipt', text: t('receipt.open') }));
                LV.announce(t('register.done', { caseNumber: created.caseNumber }));
            }, function (error) {
                LV.showProblem(form, error);
            }).finally(function () {
                form.querySelector('button[type=submit]').disabled = false;
            });
    }

    var LOOKUP_PAGE_SIZE = 20;
    var LOOKUP_FIELDS = ['q', 'idNumber', 'town', 'status', 'department', 'receivedFrom', 'receivedTo', 'noticeLate'];

    /** The look-up as the form holds it; blank fields are left out. */
    function lookupSearch(form) {
        var values = LV.formValues(form);
        var search = {};
        LOOKUP_FIELDS.forEach(function (name) {
            if (values[name]) {
                search[name] = values[name];
            }
        });
        return search;
    }

    function matchedOn(p) {
        return (p.matchedOn || []).map(function (why) { return t('lookup.matched.' + why); }).join('、');
    }

    /**
     * Runs the look-up, a page at a time. Names and ID numbers never go into the address (it ends up in histories
     * and logs): the search is kept for this tab in sessionStorage, only its page in the address (lookup.page). The
     * kit forgets it with the session: on signing out, when the session expires or was ended elsewhere.
     */
    function runLookup(form, search) {
        var target = document.getElementById('lookup-results');
        var page = LV.pageOf('lookup');
        LV.clearProblems(form);
        sessionStorage.setItem('lv.lookup', JSON.stringify(search));
        target.setAttribute('aria-busy', 'true');
        var body = Object.assign({ page: page, size: LOOKUP_PAGE_SIZE }, search);
        return LV.api('', '/api/petitions/search', { method: 'POST', body: body }).then(function (found) {
            target.removeAttribute('aria-busy');
            if (found.total === 0) {
                target.replaceChildren(el('p', { class: 'muted', text: t('lookup.nothing') }));
                return;
            }
            var ranked = !!search.q;
            var rows = found.items.map(function (p) {
                return el('tr', { 'data-case-number': p.caseNumber }, [
                    el('td', {}, [el('a', { href: '#case/' + p.id, text: p.caseNumber })]),
                    el('td', { text: p.receivedOn }),
                    el('td', { text: p.petitionerErased ? t('petitioner.erased') : p.petitionerName }),
                    el('td', { text: p.town || '' }),
                    el('td', { text: p.subject }),
                    el('td', {}, [statusBadge(p.status)]),
                    el('td', { text: p.department ? t('department.' + p.department) : '' }),
                    ranked ? el('td', { class: 'matched', text: matchedOn(p) }) : null]);
            });
            var headings = ['lookup.caseNumber', 'register.receivedOn', 'register.name', 'register.town', 'register.subject',
                'case.status', 'case.department'].concat(ranked ? ['lookup.matchedOn'] : []);
            target.replaceChildren(
                el('p', { class: 'actions' }, [el('span', { class: 'muted', text: t(ranked ? 'lookup.foundRanked' : 'lookup.found',
                    { total: found.total }) }), LV.exportButtons('', function (format) {
                    return '/api/petitions/export?format=' + format;
                }, function () { return search; })]),
                el('div', { class: 'table-wrap' }, [el('table', {}, [
                    el('thead', {}, [el('tr', {}, headings.map(function (k) { return el('th', { scope: 'col', text: t(k) }); }))]),
                    el('tbody', {}, rows)])]),
                LV.pager(page, LOOKUP_PAGE_SIZE, found.total, function () { return runLookup(form, search); }, 'lookup'));
        }, function (error) {
            target.removeAttribute('aria-busy');
            LV.showProblem(form, error);
        });
    }

    function lookup(event) {
        event.preventDefault();
        LV.remember({ 'lookup.page': 0 });
        return runLookup(event.target, lookupSearch(event.target));
    }

    /** After a reload, the tab's last look-up again, on the page the address names. */
    function restoreLookup() {
        var kept = JSON.parse(sessionStorage.getItem('lv.lookup') || 'null');
        var form = document.getElementById('lookup');
        if (!kept || !form) {
            return null;
        }
        Object.keys(kept).forEach(function (name) {
            if (form.elements[name] && form.elements[name].type === 'checkbox') {
                form.elements[name].checked = kept[name] === true;
            } else if (form.elements[name]) {
                form.elements[name].value = kept[name];
            }
        });
        return runLookup(form, kept);
    }

    var WORDED = { channel: 'channel.', difficulty: 'difficulty.', satisfaction: 'satisfaction.',
        department: 'department.', fromDepartment: 'department.', toDepartment: 'department.' };

    var FACT_ORDER = ['channel', 'receivedBy', 'sentOn', 'accepted', 'note', 'acceptedOn', 'days', 'department', 'fromDepartment', 'toDepartment', 'responsibleLeader',
        'difficulty', 'assignedOn', 'previousDeadline', 'deadline', 'closedOn', 'resolution', 'requestedOn', 'reviewDue', 'attemptedOn', 'reason', 'dueBy', 'visitedOn', 'visitor', 'satisfaction',
        'petitionerWithdraws', 'reopen', 'notes'];

    /** A timeline entry's facts in the page's language (the API's English detail when it has none). */
    function describe(entry) {
        var facts = entry.facts || {};
        var names = Object.keys(facts).sort(function (a, b) { return FACT_ORDER.indexOf(a) - FACT_ORDER.indexOf(b); });
        var parts = names.map(function (name) {
            var value = facts[name];
            if (typeof value === 'boolean') {
                return value ? t('fact.' + name) : null;
            }
            if (name === 'reason' && entry.type === 'return-visit.attempt-failed.v1') {
                return t('kit.pair', { name: t('fact.' + name), value: t('notReached.' + value) });
            }
            return t('kit.pair', { name: t('fact.' + name), value: WORDED[name] ? t(WORDED[name] + value) : value });
        }).filter(function (part) { return part; });
        return parts.length ? parts.join(t('fact.joiner')) : entry.detail;
    }

    function fact(list, key, value) {
        list.appendChild(el('dt', { text: t(key) }));
        list.appendChild(el('dd', {}, [value === null || value === undefined || value === '' ? t('kit.none') : value]));
    }

    /** A statutory deadline: its day, marked when provisional (that year's holiday arrangement is not published). */
    function statutory(deadline, id) {
        return el('span', { id: id, class: 'statutory', 'data-date': deadline.date }, [deadline.date,
            deadline.provisional ? el('span', { class: 'muted', text: ' ' + t('case.provisional') }) : null]);
    }

    function showCase(id) {
        document.getElementById('desk').hidden = true;
        var section = document.getElementById('case');
        section.hidden = false;
        return LV.api('', '/api/petitions/' + encodeURIComponent(id)).then(function (p) {
            document.getElementById('case-title').textContent = t('case.title', { caseNumber: p.caseNumber });
            var facts = document.getElementById('case-facts');
            facts.replaceChildren();
            fact(facts, 'case.status', statusBadge(p.status));
            fact(facts, 'case.department', p.department ? el('span', {}, [t('department.' + p.department), ' · ',
                el('a', { id: 'case-file-link', href: LV.services().assignment + '/#/cases/' + encodeURIComponent(p.id),
                    text: t('case.openFile') })]) : null);
            fact(facts, 'register.channel', t('channel.' + p.channel));
            fact(facts, 'register.receivedOn', p.receivedOn + (p.jointVisitDay ? ' · ' + t('case.onJointVisitDay') : ''));
            fact(facts, 'register.name', p.petitionerErased ? t('petitioner.erased') : p.petitioner.name);
            fact(facts, 'register.idNumber', p.petitionerErased ? null : p.petitioner.idNumber);
            fact(facts, 'register.headcount', String(p.headcount));
            fact(facts, 'register.subject', p.subject);
            fact(facts, 'register.description', p.description);
            fact(facts, 'register.law', t(p.involvesLawAndLitigation ? 'yes' : 'no'));
            fact(facts, 'register.escalatedTo', p.escalatedTo ? t('escalation.' + p.escalatedTo) : null);
            var limits = p.statutoryDeadlines;
            fact(facts, 'case.acceptanceNoticeDue', el('span', {}, [statutory(limits.acceptanceNotice, 'acceptance-notice-due'),
                limits.acceptanceNoticeSentOn ? el('span', { id: 'acceptance-notice-sent', class: limits.acceptanceNoticeInTime
                    ? 'badge ok' : 'badge overdue', text: t(limits.acceptanceNoticeInTime ? 'case.noticeSentInTime' : 'case.noticeSentLate',
                    { date: limits.acceptanceNoticeSentOn }) }) : null]));
            if (!limits.acceptanceNoticeSentOn && LV.hasRole(['supervisor'])) {
                fact(facts, 'case.recordNotice', LV.actionForm('notice', 'notice-' + p.caseNumber, [
                    { name: 'accepted', label: 'notice.accepted', options: [{ value: 'true', label: t('yes') },
                        { value: 'false', label: t('no') }] },
                    { name: 'sentOn', label: 'notice.sentOn', type: 'date', value: LV.today() },
                    { name: 'note', label: 'notice.note', type: 'textarea' }
                ], function (values) {
                    values.accepted = values.accepted === 'true';
                    return LV.api('', '/api/petitions/' + encodeURIComponent(id) + '/acceptance-notice',
                        { method: 'POST', body: values }).then(function () { return showCase(id); });
                }));
            }
            fact(facts, 'case.handlingDue', limits.handling ? el('span', {}, [statutory(limits.handling, 'handling-due'),
                limits.handlingExtendedBy ? t('case.extendedBy', { days: limits.handlingExtendedBy }) : ''])
                : el('span', { class: 'muted', text: t('case.handlingNotStarted') }));
            if (limits.answeredOn) {
                fact(facts, 'case.reviewRequestDue', el('span', {}, [statutory(limits.reviewRequest, 'review-request-due'),
                    limits.reviewRequestedOn ? el('span', { id: 'review-requested', class: 'badge', text: t('case.reviewRequestedOn',
                        { date: limits.reviewRequestedOn }) }) : null]));
            }
            if (limits.review) {
                fact(facts, 'case.reviewDue', statutory(limits.review, 'review-due'));
            }
            if (limits.answeredOn && !limits.reviewRequestedOn && p.status === 'CLOSED' && LV.hasRole(['supervisor'])) {
                fact(facts, 'case.recordReview', LV.actionForm('review', 'review-' + p.caseNumber, [
                    { name: 'requestedOn', label: 'review.requestedOn', type: 'date', value: LV.today() },
                    { name: 'reason', label: 'review.reason', type: 'textarea' }
                ], function (values) {
                    return LV.api('assignment', '/api/cases/' + encodeURIComponent(id) + '/review', { method: 'POST', body: values })
                        .then(function () { return showCaseOnceChanged(id, p.status); });
                }));
            }
            document.getElementById('case-timeline').replaceChildren.apply(document.getElementById('case-timeline'),
                p.timeline.map(function (entry) {
                    return el('li', { 'data-type': entry.type }, [
                        el('strong', { text: t('event.' + entry.type) }), ' ',
                        el('span', { class: 'muted', text: LV.formatInstant(entry.at) + (entry.actor ? ' · ' + entry.actor : '') }),
                        describe(entry) ? el('div', { text: describe(entry) }) : null]);
                }));
            var tbody = document.querySelector('#case-visits tbody');
            tbody.replaceChildren.apply(tbody, p.visits.map(function (v) {
                return el('tr', {}, [el('td', { text: v.receivedOn }), el('td', { text: v.receivedBy || '' }),
                    el('td', { text: v.note || '' })]);
            }));
            document.getElementById('repeat-visit').hidden = !LV.hasRole(['reception']);
            document.getElementById('main').focus();
        }, function (error) {
            document.getElementById('case-title').textContent = error.status === 404 ? t('problem.404') : error.message;
        });
    }

    /** Shows the case again once this service heard of a change made in assignment-service (an event away). */
    function showCaseOnceChanged(id, statusBefore, tries) {
        tries = tries || 0;
        return LV.api('', '/api/petitions/' + encodeURIComponent(id)).then(function (p) {
            if (p.status !== statusBefore || tries >= 20) {
                return showCase(id);
            }
            return new Promise(function (resolve) { setTimeout(resolve, 500); })
                .then(function () { return showCaseOnceChanged(id, statusBefore, tries + 1); });
        });
    }

    function recordVisit(event) {
        event.preventDefault();
        var form = event.target;
        var id = window.location.hash.slice('#case/'.length);
        LV.clearProblems(form);
        LV.api('', '/api/petitions/' + encodeURIComponent(id) + '/visits', { method: 'POST', body: LV.formValues(form) })
            .then(function () {
                form.reset();
                document.getElementById('visit-result').textContent = t('visit.done');
                return showCase(id);
            }, function (error) {
                LV.showProblem(form, error);
            });
    }

    /** The visitor's receipt, to print or download as a PDF (A5): nothing on it is shown whole. */
    function showReceipt(id) {
        document.getElementById('desk').hidden = true;
        document.getElementById('case').hidden = true;
        var section = document.getElementById('receipt');
        section.hidden = false;
        return LV.api('', '/api/petitions/' + encodeURIComponent(id) + '/receipt').then(function (r) {
            var facts = document.getElementById('receipt-facts');
            facts.replaceChildren();
            fact(facts, 'lookup.caseNumber', el('strong', { id: 'receipt-case-number', text: r.caseNumber }));
            fact(facts, 'register.receivedOn', r.receivedOn);
            fact(facts, 'register.name', r.petitionerName);
            fact(facts, 'register.idNumber', r.idNumber);
            fact(facts, 'register.subject', r.subject);
            fact(facts, 'receipt.acceptanceNoticeDue', statutory(r.acceptanceNoticeDue, 'receipt-notice-due'));
            document.getElementById('receipt-enquiries').textContent = r.enquiries;
            document.getElementById('main').focus();
        }, function (error) {
            document.getElementById('receipt-facts').replaceChildren(el('p', { class: 'form-error', text: error.message }));
        });
    }

    function route() {
        var hash = window.location.hash;
        document.getElementById('receipt').hidden = true;
        if (hash.indexOf('#case/') === 0) {
            return showCase(hash.slice('#case/'.length));
        }
        if (hash.indexOf('#receipt/') === 0) {
            return showReceipt(hash.slice('#receipt/'.length));
        }
        document.getElementById('case').hidden = true;
        document.getElementById('desk').hidden = false;
        return undefined;
    }

    LV.start({
        title: 'desk.title',
        roles: ['reception', 'supervisor', 'leader'],
        render: function () {
            document.getElementById('register').addEventListener('submit', register);
            document.getElementById('register').querySelector('[name=receivedOn]').value = LV.today();
            document.getElementById('register').closest('section').hidden = !LV.hasRole(['reception', 'supervisor']);
            document.getElementById('lookup').addEventListener('submit', lookup);
            restoreLookup();
            document.getElementById('repeat-visit').addEventListener('submit', recordVisit);
            document.getElementById('print-receipt').addEventListener('click', function () { window.print(); });
            document.getElementById('receipt-pdf').addEventListener('click', function () {
                var id = window.location.hash.slice('#receipt/'.length);
                LV.download('', '/api/petitions/' + encodeURIComponent(id) + '/receipt.pdf');
            });
            window.addEventListener('hashchange', route);
            route();
            return showToday();
        }
    });
}());
