/*
 * The case file (#/cases/<id>): everything about one case for everyone who works it, from GET /api/cases/{id}/file;
 * the petitioner's phone and address shown whole on demand (POST .../file/reveal, logged by petition-service); the
 * holding department's actions as full-width panels. cases.js routes here and lends the actions (CaseFilePage.show).
 */
(function () {
    'use strict';
    var t = LV.t;
    var el = LV.el;

    /** A translation, or {@code fallback} where the page has none (an event type added later). */
    function worded(key, fallback) {
        var text = t(key);
        return text === key ? fallback : text;
    }

    /** How far a day is: 还有 N 天, 今天到期, 已逾期 N 天; never a negative count. */
    function distance(daysLeft) {
        return daysLeft > 0 ? t('days.left', { days: daysLeft }) : daysLeft === 0 ? t('days.today')
            : t('days.overdue', { days: -daysLeft });
    }

    /** The badge for a deadline: past, due within a week (within 3 days more strongly), or later. */
    function distanceBadge(daysLeft, deadlineKind) {
        if (deadlineKind === 'REVIEW_REQUEST' && daysLeft < 0) {
            // the petitioner's own window for asking a review: once past, it lapsed, nobody is late
            return el('span', { class: 'badge', 'data-days-left': String(daysLeft), text: t('file.lapsed') });
        }
        var kind = daysLeft < 0 ? 'badge overdue' : daysLeft <= 3 ? 'badge warn due-3' : daysLeft <= 7 ? 'badge warn' : 'badge';
        return el('span', { class: kind, 'data-days-left': String(daysLeft), text: distance(daysLeft) });
    }

    function fact(list, key, value, id) {
        list.appendChild(el('dt', { text: t(key) }));
        var shown = value === null || value === undefined || value === '' ? t('kit.none') : value;
        list.appendChild(el('dd', { id: id || null }, [typeof shown === 'number' ? String(shown) : shown]));
    }

    function card(id, titleKey, children) {
        return el('section', { class: 'card', id: id, 'aria-labelledby': id + '-title' },
            [el('h2', { id: id + '-title', text: t(titleKey) })].concat(children));
    }

    /* ---------- the petitioner, masked until revealed ---------- */

    function petitionerCard(f) {
        var list = el('dl', { class: 'facts' });
        if (f.petitionerErased) {
            fact(list, 'file.name', t('file.erased'), 'file-petitioner-name');
            return card('file-petitioner', 'file.petitioner', [list]);
        }
        var p = f.petitioner || {};
        fact(list, 'file.name', p.name, 'file-petitioner-name');
        fact(list, 'file.phone', p.phone, 'file-phone');
        fact(list, 'file.address', p.address, 'file-address');
        var message = el('p', { class: 'form-error', id: 'file-reveal-error', role: 'alert' });
        var reveal = el('button', { type: 'button', class: 'secondary', id: 'file-reveal', 'aria-controls': 'file-phone file-address',
            text: t('file.reveal'), onclick: function () {
                reveal.disabled = true;
                message.textContent = '';
                LV.api('', '/api/cases/' + encodeURIComponent(f.caseId) + '/file/reveal', { method: 'POST' }).then(function (whole) {
                    var phone = document.getElementById('file-phone');
                    phone.replaceChildren(whole.phone ? el('a', { href: 'tel:' + whole.phone.replace(/[^0-9+]/g, ''),
                        text: whole.phone }) : t('kit.none'));
                    document.getElementById('file-address').textContent = whole.address || t('kit.none');
                    reveal.hidden = true;
                    LV.announce(t('file.revealed'));
                }, function (error) {
                    reveal.disabled = false;
                    message.textContent = error.status === 503 ? t('file.revealUnavailable')
                        : (worded('problem.' + error.status, '') + ' ' + error.message).trim();
                });
            } });
        return card('file-petitioner', 'file.petitioner', [list, p.phone || p.address ? el('div', { class: 'actions' }, [reveal]) : null,
            message]);
    }

    /* ---------- the petition and the case ---------- */

    function petitionCard(f) {
        var list = el('dl', { class: 'facts' });
        fact(list, 'file.channel', f.channel ? t('channel.' + f.channel) : null);
        fact(list, 'file.receivedOn', f.receivedOn);
        fact(list, 'file.headcount', f.headcount);
        fact(list, 'case.subject', f.petitionerErased ? t('file.erasedText') : f.subject, 'file-subject');
        fact(list, 'file.description', f.petitionerErased ? t('file.erasedText') : el('span', { class: 'long-text',
            text: f.description || t('kit.none') }), 'file-description');
        return card('file-petition', 'file.petition', [list]);
    }

    function caseCard(f) {
        var list = el('dl', { class: 'facts' });
        fact(list, 'case.caseNumber', f.caseNumber);
        if (f.petitionUnavailable) {
            // the subject is the case's own: shown here while the petition's part, which holds it, cannot be read
            fact(list, 'case.subject', f.petitionerErased ? t('file.erasedText') : f.subject, 'file-subject');
        }
        fact(list, 'case.status', el('span', { class: 'badge', id: 'file-status', 'data-status': f.status, text: t('status.' + f.status) }));
        fact(list, 'case.department', t('department.' + f.department), 'file-department');
        fact(list, 'case.responsibleLeader', f.responsibleLeader, 'file-responsible-leader');
        fact(list, 'case.difficulty', t('difficulty.' + f.difficulty));
        fact(list, 'assign.assignedOn', f.assignedOn);
        if (f.handlingExtendedBy) {
            fact(list, 'file.extension', t('file.extendedBy', { days: f.handlingExtendedBy }));
        }
        return card('file-case', 'file.case', [list]);
    }

    function deadlinesCard(f) {
        if (!f.deadlines.length) {
            return card('file-deadlines', 'file.deadlines', [el('p', { class: 'muted', text: t('file.noDeadlines') })]);
        }
        return card('file-deadlines', 'file.deadlines', [el('ul', { class: 'deadlines' }, f.deadlines.map(function (d) {
            return el('li', { 'data-kind': d.kind, 'data-date': d.due }, [el('span', { class: 'deadline-kind', text: t('deadline.kind.' + d.kind) }),
                el('span', { class: 'deadline-date', text: d.due + (d.provisional ? t('queue.provisional') : '') }), distanceBadge(d.daysLeft, d.kind)]);
        }))]);
    }

    function answerCard(f) {
        if (!f.answer) {
            return null;
        }
        var list = el('dl', { class: 'facts' });
        fact(list, 'file.answer.' + f.status, f.petitionerErased ? t('file.erasedText')
            : el('span', { class: 'long-text', text: f.answer.resolution || t('kit.none') }), 'file-answer-text');
        fact(list, 'file.answeredOn.' + f.status, f.answer.answeredOn);
        return card('file-answer', 'file.answerTitle.' + f.status, [list]);
    }

    /* ---------- what happened: the timeline, return visits, repeat visits ---------- */

    var WORDED = { channel: 'channel.', difficulty: 'difficulty.', satisfaction: 'satisfaction.',
        department: 'department.', fromDepartment: 'department.', toDepartment: 'department.' };

    /** A timeline line's facts in the page's language (the API's English detail when it has none). */
    function describe(entry) {
        var facts = entry.facts || {};
        var parts = Object.keys(facts).map(function (name) {
            var value = facts[name];
            if (typeof value === 'boolean') {
                return value ? worded('fact.' + name, name) : null;
            }
            return t('kit.pair', { name: worded('fact.' + name, name), value: WORDED[name] ? t(WORDED[name] + value) : value });
        }).filter(function (part) { return part; });
        return parts.length ? parts.join(t('fact.joiner')) : entry.detail;
    }

    function timelineCard(f) {
        if (!f.timeline || !f.timeline.length) {
            return card('file-timeline', 'file.timeline', [el('p', { class: 'muted', text: t('file.noTimeline') })]);
        }
        return card('file-timeline', 'file.timeline', [el('ol', { class: 'timeline' }, f.timeline.map(function (entry) {
            var said = describe(entry);
            return el('li', { 'data-type': entry.type }, [el('strong', { text: worded('event.' + entry.type, entry.type) }), ' ',
                el('span', { class: 'muted', text: LV.formatInstant(entry.at) + (entry.actor ? ' · ' + entry.actor : '') }),
                said ? el('div', { class: 'long-text', text: said }) : null]);
        }))]);
    }

    function returnVisitsCard(f) {
        var visits = f.returnVisits || [];
        if (!visits.length) {
            return card('file-return-visits', 'file.returnVisits', [el('p', { class: 'muted', text: t('file.noReturnVisits') })]);
        }
        return card('file-return-visits', 'file.returnVisits', visits.map(function (v) {
            var status = v.recordedAt ? 'COMPLETED' : v.overdue ? 'OVERDUE' : 'PENDING';
            var list = el('dl', { class: 'facts' });
            fact(list, 'returnVisit.dueBy', v.dueBy);
            if (status === 'COMPLETED') {
                fact(list, v.visitedOn ? 'returnVisit.visitedOn' : 'returnVisit.recordedAt',
                    v.visitedOn || LV.formatInstant(v.recordedAt));
                fact(list, 'returnVisit.visitor', v.visitor);
                fact(list, 'returnVisit.satisfaction', v.satisfaction ? t('satisfaction.' + v.satisfaction) : null);
                fact(list, 'returnVisit.petitionerWithdraws', t(v.petitionerWithdraws ? 'yes' : 'no'));
                fact(list, 'returnVisit.reopen', t(v.reopen ? 'yes' : 'no'));
                fact(list, 'returnVisit.notes', f.petitionerErased ? t('file.erasedText')
                    : el('span', { class: 'long-text', text: v.notes || t('kit.none') }));
            }
            return el('article', { class: 'return-visit', 'data-status': status }, [
                el('span', { class: status === 'OVERDUE' ? 'badge overdue' : status === 'COMPLETED' ? 'badge ok' : 'badge',
                    text: t('visitStatus.' + status) }), list]);
        }));
    }

    function repeatVisitsCard(f) {
        var visits = f.repeatVisits || [];
        if (!visits.length) {
            return card('file-repeat-visits', 'file.repeatVisits', [el('p', { class: 'muted', text: t('file.noRepeatVisits') })]);
        }
        return card('file-repeat-visits', 'file.repeatVisits', [el('ul', { class: 'repeat-visits' }, visits.map(function (v) {
            return el('li', {}, [el('strong', { text: v.receivedOn }), v.receivedBy ? ' · ' + t('file.receivedBy', { name: v.receivedBy }) : '',
                v.note ? el('div', { class: 'long-text', text: v.note }) : null]);
        }))]);
    }

    /* ---------- the department's actions ---------- */

    /** The actions cases.js offers for the case, as panels with stable ids (file-close-open, file-close-save, ...). */
    function actionsCard(f, caseActions, reload) {
        var leadership = f.deadlines.filter(function (d) { return d.kind === 'LEADERSHIP'; })[0];
        var actions = caseActions({ id: f.caseId, caseNumber: f.caseNumber, status: f.status, handlingExtendedBy: f.handlingExtendedBy,
            deadline: leadership ? leadership.due : null, ifMatch: String(f.version) }, f.department, reload, 'file');
        if (!actions.children.length) {
            return null;
        }
        actions.className = 'file-actions';
        actions.querySelectorAll('details.case-action').forEach(function (details) {
            var key = details.querySelector('form').getAttribute('data-action');
            details.classList.add('panel');
            details.querySelector('summary').id = 'file-' + key + '-open';
            details.querySelector('button[type=submit]').id = 'file-' + key + '-save';
        });
        actions.querySelectorAll(':scope > button[data-action]').forEach(function (button) {
            button.id = 'file-' + button.getAttribute('data-action');
        });
        return card('file-actions', 'file.actions', [actions]);
    }

    /** Shows the file of case {@code id} in #case-file; {@code caseActions(item, department, reload, prefix)} from cases.js. */
    function show(id, caseActions) {
        var target = document.getElementById('case-file-body');
        var title = document.getElementById('case-file-title');
        target.setAttribute('aria-busy', 'true');
        function reload() {
            return show(id, caseActions);
        }
        return LV.api('', '/api/cases/' + encodeURIComponent(id) + '/file').then(function (f) {
            target.removeAttribute('aria-busy');
            title.textContent = t('file.title', { caseNumber: f.caseNumber });
            target.replaceChildren.apply(target, [
                f.petitionUnavailable ? el('p', { class: 'notice', id: 'file-petition-unavailable', role: 'status',
                    text: t('file.petitionUnavailable') }) : null,
                el('div', { class: 'file-grid' }, [f.petitionUnavailable ? null : petitionerCard(f),
                    f.petitionUnavailable ? null : petitionCard(f), caseCard(f), deadlinesCard(f)]),
                answerCard(f), actionsCard(f, caseActions, reload),
                window.AttachmentsCard ? AttachmentsCard.card(f) : null, // attachments.js: the files, and adding one
                // without petition-service there is no timeline to read: the notice above says so, no empty lists
                f.petitionUnavailable ? null : timelineCard(f), f.petitionUnavailable ? null : returnVisitsCard(f),
                f.petitionUnavailable ? null : repeatVisitsCard(f)].filter(function (part) { return part; }));
            target.querySelector('.file-grid').after(CaseDocs.card(f.caseId)); // the 文书 card (casedocs.js)
            document.getElementById('main').focus();
        }, function (error) {
            target.removeAttribute('aria-busy');
            title.textContent = t('file.titleUnknown');
            target.replaceChildren(el('p', { class: 'notice', role: 'alert', text: (worded('problem.' + error.status, '')
                + ' ' + error.message).trim() }));
        });
    }

    window.CaseFilePage = { show: show, distance: distance };
}());
