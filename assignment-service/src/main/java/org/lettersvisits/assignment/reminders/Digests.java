package org.lettersvisits.assignment.reminders;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Groups the open cases due within the window (or already past a deadline) into one digest per department and one
 * per responsible leader, each listing its cases most urgent first. Addressees with nothing due get no digest.
 */
public final class Digests {

    private Digests() {
    }

    public static List<Digest> of(List<DueCase> open, LocalDate today, int windowDays) {
        List<DueCase> due = open.stream().filter(c -> c.daysLeft(today) <= windowDays)
                .sorted(Comparator.<DueCase>comparingLong(c -> c.daysLeft(today)).thenComparing(DueCase::caseNumber))
                .toList();
        List<Digest> digests = new ArrayList<>();
        group(due, c -> c.department().name()).forEach((department, cases) ->
                digests.add(new Digest(today, Digest.Audience.DEPARTMENT, department, cases)));
        group(due, DueCase::responsibleLeader).forEach((leader, cases) ->
                digests.add(new Digest(today, Digest.Audience.LEADER, leader, cases)));
        return digests;
    }

    private static Map<String, List<DueCase>> group(List<DueCase> due, Function<DueCase, String> key) {
        Map<String, List<DueCase>> groups = new TreeMap<>();
        for (DueCase c : due) {
            groups.computeIfAbsent(key.apply(c), k -> new ArrayList<>()).add(c);
        }
        return groups;
    }
}
