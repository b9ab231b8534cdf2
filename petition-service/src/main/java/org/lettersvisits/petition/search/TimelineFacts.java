package org.lettersvisits.petition.search;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.lettersvisits.contracts.assignment.CaseAccepted;
import org.lettersvisits.contracts.assignment.CaseAssigned;
import org.lettersvisits.contracts.assignment.CaseBecameOverdue;
import org.lettersvisits.contracts.assignment.CaseClosed;
import org.lettersvisits.contracts.assignment.CaseReopened;
import org.lettersvisits.contracts.assignment.CaseReviewRequested;
import org.lettersvisits.contracts.assignment.CaseSuspended;
import org.lettersvisits.contracts.assignment.CaseTransferred;
import org.lettersvisits.contracts.assignment.DeadlineChanged;
import org.lettersvisits.contracts.assignment.HandlingExtended;
import org.lettersvisits.contracts.followup.ReturnVisitCompleted;
import org.lettersvisits.contracts.followup.ReturnVisitScheduled;

/**
 * What a timeline entry says about its event, as named facts (department, deadline, reason, ...) so a page
 * can word them in its own language; {@link #describe} words them plainly for the API's {@code detail}.
 */
final class TimelineFacts {

    private TimelineFacts() {
    }

    static Map<String, Object> of(Object event) {
        Map<String, Object> facts = new LinkedHashMap<>();
        if (event instanceof CaseAssigned e) {
            facts.put("department", e.department());
            facts.put("responsibleLeader", e.responsibleLeader());
            facts.put("difficulty", e.difficulty());
            facts.put("deadline", e.deadline());
        } else if (event instanceof CaseAccepted e) {
            facts.put("acceptedOn", e.acceptedOn());
        } else if (event instanceof CaseTransferred e) {
            facts.put("fromDepartment", e.fromDepartment());
            facts.put("toDepartment", e.toDepartment());
            facts.put("reason", e.reason());
        } else if (event instanceof CaseClosed e) {
            facts.put("resolution", e.resolution());
            facts.put("closedOn", e.closedOn());
        } else if (event instanceof CaseSuspended e) {
            facts.put("reason", e.reason());
        } else if (event instanceof DeadlineChanged e) {
            facts.put("previousDeadline", e.previousDeadline());
            facts.put("deadline", e.deadline());
            facts.put("reason", e.reason());
        } else if (event instanceof CaseReopened e) {
            facts.put("department", e.department());
            facts.put("reason", e.reason());
        } else if (event instanceof CaseReviewRequested e) {
            facts.put("requestedOn", e.requestedOn());
            facts.put("reviewDue", e.reviewDue());
            facts.put("reason", e.reason());
        } else if (event instanceof HandlingExtended e) {
            facts.put("days", e.days());
            facts.put("reason", e.reason());
        } else if (event instanceof CaseBecameOverdue e) {
            facts.put("deadline", e.deadline());
        } else if (event instanceof ReturnVisitScheduled e) {
            facts.put("dueBy", e.dueBy());
        } else if (event instanceof ReturnVisitCompleted e) {
            facts.put("visitor", e.visitor());
            facts.put("satisfaction", e.satisfaction());
            facts.put("petitionerWithdraws", e.petitionerWithdraws());
            facts.put("reopen", e.reopen());
            facts.put("notes", e.notes());
        }
        return plain(facts);
    }

    /** The facts named in {@code namesAndValues} (name, value, name, value, ...), in that order; null values left out. */
    static Map<String, Object> of(Object... namesAndValues) {
        Map<String, Object> facts = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            facts.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return plain(facts);
    }

    /** Without null values; every value a string but for yes/no. */
    private static Map<String, Object> plain(Map<String, Object> facts) {
        facts.values().removeIf(value -> value == null);
        facts.replaceAll((name, value) -> value instanceof Boolean ? value : value.toString());
        return facts;
    }

    /** The facts in plain words, e.g. {@code department: COURT, reason: ...}; null when there are none. */
    static String describe(Map<String, Object> facts) {
        return facts.isEmpty() ? null
                : facts.entrySet().stream().map(f -> f.getKey() + ": " + f.getValue()).collect(Collectors.joining(", "));
    }
}
