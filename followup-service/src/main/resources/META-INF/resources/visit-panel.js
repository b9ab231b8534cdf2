/* The worklist's one form panel: below the visit it belongs to (a full-width row of the table, under the card on a
   phone), opened by the visit's two disclosure buttons: 「登记回访」 (the visit's outcome, #visit-form) and 「未联系上」
   (a call that did not reach the petitioner, #attempt-form). One panel at a time, so its ids are stable. */
(function () {
    'use strict';
    var t = LV.t;
    var el = LV.el;
    var REASONS = ['NO_ANSWER', 'WRONG_NUMBER', 'REFUSED'];

    /** What is open: the disclosure (details) that opened it and the panel's row; null when closed. */
    var open = null;

    function close(returnFocus) {
        if (!open) {
            return;
        }
        var was = open;
        open = null;
        was.row.remove();
        was.toggle.open = false;
        if (returnFocus) {
            was.toggle.querySelector('summary').focus();
        }
    }

    /** The form of one action; {@code send(values)} calls the API, {@code done()} shows the list again. */
    function form(kind, prefix, visit, fields, send, done) {
        var save = el('button', { type: 'submit', id: prefix + '-save', text: t('action.' + kind + '.submit') });
        var shown = el('form', { id: prefix + '-form', novalidate: true, 'data-action': kind }, [
            el('h3', { text: t('action.' + kind) + ' · ' + visit.caseNumber }),
            el('div', { class: 'row' }, fields.map(function (f) { return LV.field(f, prefix); })),
            el('p', { class: 'form-error', role: 'alert', tabindex: '-1' }),
            el('div', { class: 'actions' }, [save, el('button', { type: 'button', class: 'secondary', id: prefix + '-cancel',
                text: t('worklist.cancel'), onclick: function () { close(true); } })])]);
        shown.addEventListener('submit', function (event) {
            event.preventDefault();
            LV.clearProblems(shown);
            save.disabled = true;
            send(LV.formValues(shown)).then(function () {
                LV.announce(t('action.' + kind + '.done'));
                open = null; // the list is shown anew, without the panel
                return done(visit);
            }, function (error) {
                LV.showProblem(shown, error);
            }).finally(function () {
                save.disabled = false;
            });
        });
        shown.addEventListener('keydown', function (event) {
            if (event.key === 'Escape') {
                close(true);
            }
        });
        return shown;
    }

    /** The visit's outcome: the form the worklist always had (visitor, satisfaction, 息诉罢访, notes, reopen). */
    function visitForm(visit, done) {
        return form('complete', 'visit', visit, [
            { name: 'visitedOn', label: 'complete.visitedOn', type: 'date', value: LV.today() },
            { name: 'visitor', label: 'complete.visitor', required: true },
            { name: 'satisfaction', label: 'complete.satisfaction', options: ['SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED']
                .map(function (s) { return { value: s, label: t('satisfaction.' + s) }; }) },
            { name: 'notes', label: 'complete.notes', type: 'textarea' },
            { name: 'petitionerWithdraws', label: 'complete.petitionerWithdraws', type: 'checkbox' },
            { name: 'reopen', label: 'complete.reopen', type: 'checkbox' }
        ], function (values) {
            return LV.api('', '/api/return-visits/' + visit.id + '/complete', { method: 'POST', body: values });
        }, done);
    }

    /** A call that did not reach the petitioner: why, and notes; the day is today and the caller the signed-in user. */
    function attemptForm(visit, done) {
        return form('attempt', 'attempt', visit, [
            { name: 'reason', label: 'attempt.reason', options: REASONS
                .map(function (r) { return { value: r, label: t('notReached.' + r) }; }) },
            { name: 'notes', label: 'attempt.notes', type: 'textarea' }
        ], function (values) {
            return LV.api('', '/api/return-visits/' + visit.id + '/attempts', { method: 'POST', body: values });
        }, done);
    }

    /**
     * The disclosure button of one action of a visit ({@code kind}: complete or attempt); opening it puts the panel
     * below {@code row}, closing every other. {@code columns}: how many the panel's row spans.
     */
    function toggle(visit, kind, row, columns, done) {
        var details = el('details', { class: 'visit-toggle', 'data-action': kind }, [
            el('summary', { id: 'open-' + kind + '-' + visit.id, 'aria-controls': 'worklist-panel',
                text: t('action.' + kind) })]);
        details.addEventListener('toggle', function () {
            if (details.open && (!open || open.toggle !== details)) {
                close(false);
                var shown = kind === 'complete' ? visitForm(visit, done) : attemptForm(visit, done);
                var panel = el('tr', { class: 'visit-panel', role: 'row', 'data-panel-for': visit.id,
                    'data-case-number': visit.caseNumber }, [
                    el('td', { role: 'cell', id: 'worklist-panel', colspan: columns }, [shown])]);
                row.after(panel);
                open = { toggle: details, row: panel };
                shown.querySelector('input, select, textarea').focus();
            } else if (!details.open && open && open.toggle === details) {
                close(false);
            }
        });
        return details;
    }

    window.WorklistPanel = { toggle: toggle, close: close };
}());
