/* Leader dashboard: the committee's department table, a chart of it, the overdue list, a period picker, CSV. */
(function () {
    'use strict';
    var t = LV.t;
    var el = LV.el;
    var MEASURES = ['received', 'closed', 'suspended', 'open', 'overdue'];
    var COLOURS = { received: '#3b6ea5', closed: '#1e7b34', suspended: '#8a8a8a', open: '#e0a100', overdue: '#b3261e' };
    var SVG = 'http://www.w3.org/2000/svg';

    function svg(tag, attributes, text) {
        var node = document.createElementNS(SVG, tag);
        Object.keys(attributes).forEach(function (name) { node.setAttribute(name, attributes[name]); });
        if (text !== undefined) {
            node.textContent = text;
        }
        return node;
    }

    function period() {
        return { from: document.getElementById('period-from').value, to: document.getElementById('period-to').value,
            asOf: document.getElementById('period-as-of').value };
    }

    function query() {
        var p = period();
        var q = new URLSearchParams();
        if (p.from) {
            q.set('from', p.from);
        }
        if (p.to) {
            q.set('to', p.to);
        }
        if (p.asOf) {
            q.set('asOf', p.asOf);
        }
        return q.toString();
    }

    function row(label, counts, cls) {
        return el('tr', { class: cls || null, 'data-department': counts.department || 'TOTAL' }, [el('th', { scope: 'row', text: label })]
            .concat(MEASURES.map(function (m) {
                var number = String(counts[m]);
                return el('td', { class: 'num', 'data-measure': m }, counts.department
                    ? [el('a', { href: listBehind(counts.department, m), title: t('dashboard.openList'), text: number })]
                    : [document.createTextNode(number)]);
            }))
            .concat([el('td', { class: 'num', 'data-measure': 'statutoryOverdue', text: String(counts.statutoryOverdue) }),
                el('td', { class: 'num', 'data-measure': 'withinStatutoryLimitShare', title: t('dashboard.withinLimitOf',
                    { within: counts.closedWithinStatutoryLimit, closed: counts.closed }), text: share(counts) })]));
    }

    /** The queue filter behind each count of the table: the department's cases in that state (all of them for received). */
    var LIST_STATUS = { received: 'ALL', closed: 'CLOSED', suspended: 'SUSPENDED', open: 'ASSIGNED,ACCEPTED',
        overdue: 'ASSIGNED,ACCEPTED,SUSPENDED' };

    /** The department's queue on the assignment page, filtered to the cases a count stands for (overdue ones first). */
    function listBehind(department, measure) {
        var query = new URLSearchParams({ 'queue.department': department, 'queue.status': LIST_STATUS[measure],
            'queue.sort': measure === 'overdue' ? 'overdue' : 'deadline' });
        return LV.services().assignment + '/?' + query.toString() + '#queue';
    }

    /** Closed within the statutory limits, as a share of all closed: "87.5%", or a dash with nothing closed. */
    function share(counts) {
        return counts.closed ? Math.round(1000 * counts.closedWithinStatutoryLimit / counts.closed) / 10 + '%' : '—';
    }

    function showTable(summary) {
        var tbody = document.querySelector('#summary tbody');
        tbody.replaceChildren.apply(tbody, summary.departments.map(function (d) {
            return row(t('department.' + d.department), d);
        }).concat([row(t('dashboard.total'), summary.total, 'total')]));
        var rv = summary.returnVisits;
        var p = summary.petitions;
        if (summary.department) {
            // a department leader's figures: their department's cases and return visits; petitions are the committee's
            document.getElementById('summary-extra').textContent = t('dashboard.extraDepartment', {
                from: summary.from, to: summary.to, department: t('department.' + summary.department),
                scheduled: rv.scheduled, completed: rv.completed, pending: rv.pending, overdue: rv.overdue,
                satisfied: rv.satisfied, withdrawn: rv.withdrawn });
            return;
        }
        document.getElementById('summary-extra').textContent = t('dashboard.extra', {
            from: summary.from, to: summary.to, registered: p.registered, joint: p.jointVisitDay, law: p.lawAndLitigation,
            province: p.escalatedToProvince, capital: p.escalatedToCapital, scheduled: rv.scheduled, completed: rv.completed,
            pending: rv.pending, overdue: rv.overdue, satisfied: rv.satisfied, withdrawn: rv.withdrawn });
    }

    function showChart(summary) {
        var width = 560;
        var height = 260;
        var left = 36;
        var bottom = 40;
        var highest = Math.max.apply(null, [0].concat(summary.departments.map(function (d) {
            return Math.max.apply(null, MEASURES.map(function (m) { return d[m]; }));
        })));
        var step = Math.max(1, Math.ceil(highest / 4));
        var max = step * 4;
        var groupWidth = (width - left) / summary.departments.length;
        var barWidth = (groupWidth - 16) / MEASURES.length;
        var chart = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, role: 'img',
            'aria-label': t('dashboard.chartLabel') });
        [0, 1, 2, 3, 4].forEach(function (tick) {
            var y = height - bottom - (height - bottom - 4) * tick / 4;
            chart.appendChild(svg('line', { x1: left, x2: width, y1: y, y2: y, stroke: '#d9dee4' }));
            chart.appendChild(svg('text', { x: left - 6, y: y + 4, 'text-anchor': 'end', 'font-size': 11 }, String(tick * step)));
        });
        summary.departments.forEach(function (d, i) {
            var x0 = left + i * groupWidth + 8;
            MEASURES.forEach(function (m, j) {
                var h = (height - bottom - 4) * d[m] / max;
                var bar = svg('rect', { x: x0 + j * barWidth, y: height - bottom - h, width: barWidth - 2, height: h, fill: COLOURS[m] });
                bar.appendChild(svg('title', {}, t('department.' + d.department) + ' · ' + t('kit.pair', { name: t('dashboard.' + m), value: d[m] })));
                chart.appendChild(bar);
            });
            chart.appendChild(svg('text', { x: x0 + (groupWidth - 16) / 2, y: height - bottom + 18, 'text-anchor': 'middle',
                'font-size': 13 }, t('department.' + d.department)));
        });
        var legend = el('ul', { class: 'legend' }, MEASURES.map(function (m) {
            var swatch = el('span', { class: 'swatch' });
            swatch.style.background = COLOURS[m];
            return el('li', {}, [swatch, t('dashboard.' + m)]);
        }));
        document.getElementById('chart').replaceChildren(chart, legend);
    }

    function midDecember() {
        var today = LV.today();
        var year = Number(today.slice(0, 4));
        var target = year + '-12-15';
        if (today > target) {
            target = (year + 1) + '-12-15';
        }
        return { date: target, days: LV.daysBetween(today, target) };
    }

    function showOverdue() {
        var deadline = midDecember();
        document.getElementById('mid-december').replaceChildren(t('dashboard.midDecember', { date: deadline.date }) + ' ',
            el('span', { class: 'days-left', id: 'days-to-mid-december', text: t('dashboard.daysLeft', { days: deadline.days }) }));
        var target = document.getElementById('overdue');
        return LV.api('', '/api/reports/overdue').then(function (cases) {
            if (cases.length === 0) {
                target.replaceChildren(el('p', { class: 'muted', text: t('dashboard.noOverdue') }));
                return;
            }
            target.replaceChildren(el('p', { class: 'actions' }, [LV.exportButtons('', function (format) {
                return '/api/reports/overdue/export?format=' + format;
            })]), el('div', { class: 'table-wrap' }, [el('table', {}, [
                el('thead', {}, [el('tr', {}, ['dashboard.caseNumber', 'dashboard.department', 'dashboard.leader',
                    'dashboard.deadline', 'dashboard.daysOverdue', 'dashboard.toMidDecember'].map(function (k) {
                    return el('th', { scope: 'col', class: k === 'dashboard.daysOverdue' || k === 'dashboard.toMidDecember' ? 'num' : null, text: t(k) });
                }))]),
                el('tbody', {}, cases.map(function (c) {
                    return el('tr', { 'data-case-number': c.caseNumber }, [el('td', {}, [el('a', {
                            href: LV.services().assignment + '/#/cases/' + c.caseId, 'data-file': c.caseId, text: c.caseNumber })]),
                        el('td', { text: t('department.' + c.department) }), el('td', { text: c.responsibleLeader }),
                        el('td', { text: c.deadline }),
                        el('td', { class: 'num' }, [el('span', { class: 'badge overdue', text: t('dashboard.days', { days: c.daysOverdue }) })]),
                        el('td', { class: 'num', text: t('dashboard.days', { days: deadline.days }) })]);
                }))])]));
        }, function (error) {
            target.replaceChildren(el('p', { class: 'form-error', text: error.message }));
        });
    }

    function show() {
        var form = document.getElementById('period');
        LV.clearProblems(form);
        return Promise.all([LV.api('', '/api/reports/summary?' + query()).then(function (summary) {
            document.getElementById('period-from').value = summary.from;
            document.getElementById('period-to').value = summary.to;
            // the period (and the day the board is shown as of) stays in the address, so a reload or a bookmark shows
            // the same figures
            window.history.replaceState(null, '', '#from=' + summary.from + '&to=' + summary.to
                + (summary.asOf ? '&asOf=' + summary.asOf : ''));
            document.getElementById('as-of-note').textContent = summary.asOf ? t('dashboard.asOfNote', { date: summary.asOf }) : '';
            showTable(summary);
            showChart(summary);
        }, function (error) {
            LV.showProblem(form, error);
        }), showOverdue()]);
    }

    function preset(kind) {
        var today = LV.today();
        var year = today.slice(0, 4);
        var month = Number(today.slice(5, 7));
        var from = year + '-01-01';
        if (kind === 'quarter') {
            from = year + '-' + String(Math.floor((month - 1) / 3) * 3 + 1).padStart(2, '0') + '-01';
        } else if (kind === 'month') {
            from = today.slice(0, 8) + '01';
        }
        document.getElementById('period-from').value = from;
        document.getElementById('period-to').value = kind === 'year' ? year + '-12-31' : today;
        return show();
    }

    function downloadCsv() {
        LV.api('', '/api/reports/summary.csv?' + query(), { raw: true, headers: { Accept: 'text/csv' } })
            .then(function (response) { return response.blob(); })
            .then(function (blob) {
                var p = period();
                var link = el('a', { href: URL.createObjectURL(blob), download: 'report-' + p.from + '-' + p.to
                    + (p.asOf ? '-as-of-' + p.asOf : '') + '.csv' });
                document.body.appendChild(link);
                link.click();
                link.remove();
            }, function (error) {
                LV.showProblem(document.getElementById('period'), error);
            });
    }

    /** The year-end report of the year asked for, as a Word file or a PDF. */
    function downloadAnnual(format) {
        var form = document.getElementById('annual');
        var year = document.getElementById('annual-year').value;
        LV.download('', '/api/reports/annual?year=' + encodeURIComponent(year) + '&format=' + format)
            .catch(function (error) { LV.showProblem(form, error); });
    }

    LV.start({
        title: 'dashboard.title',
        roles: ['leader', 'supervisor'],
        render: function () {
            var wanted = new URLSearchParams(window.location.hash.slice(1));
            document.getElementById('period-from').value = wanted.get('from') || '';
            document.getElementById('period-to').value = wanted.get('to') || '';
            document.getElementById('period-as-of').value = wanted.get('asOf') || '';
            document.getElementById('period-as-of').max = LV.today();
            document.getElementById('period').addEventListener('submit', function (event) {
                event.preventDefault();
                show();
            });
            document.getElementById('period-year').addEventListener('click', function () { preset('year'); });
            document.getElementById('period-quarter').addEventListener('click', function () { preset('quarter'); });
            document.getElementById('period-month').addEventListener('click', function () { preset('month'); });
            document.getElementById('download-csv').addEventListener('click', downloadCsv);
            document.getElementById('annual-year').value = LV.today().slice(0, 4);
            document.getElementById('annual-year').max = LV.today().slice(0, 4);
            document.getElementById('annual-docx').addEventListener('click', function () { downloadAnnual('docx'); });
            document.getElementById('annual-pdf').addEventListener('click', function () { downloadAnnual('pdf'); });
            // the year-end report is the committee's document of the whole city, not a department leader's
            document.getElementById('annual').closest('section').hidden = !!LV.leaderDepartment();
            return show();
        }
    });
}());
