package org.lettersvisits.assignment.queue;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.lettersvisits.contracts.Department;
import org.lettersvisits.contracts.assignment.CaseRules;
import org.lettersvisits.contracts.assignment.CaseStatus;
import org.lettersvisits.time.StatutoryDeadline;
import org.lettersvisits.time.StatutoryLimits;

/**
 * A case as queues, the overdue list and exports read it: a row of {@code case_view}. Read only: {@link CaseProjection}
 * writes the row with the reactive client in the transaction that records the case's events, so the view never lags
 * its case; Hibernate only reads it.
 */
@Entity
@Immutable
@Table(name = "case_view")
public class CaseView {

    @Id
    public UUID id;

    @Column(name = "petition_id")
    public UUID petitionId;

    @Column(name = "case_number")
    public String caseNumber;

    public String subject;

    @Enumerated(EnumType.STRING)
    public Department department;

    @Column(name = "responsible_leader")
    public String responsibleLeader;

    @Column(name = "assigned_on")
    public LocalDate assignedOn;

    public LocalDate deadline;

    /** The day the holding department last accepted the case; the statutory handling period runs from it. */
    @Column(name = "accepted_on")
    public LocalDate acceptedOn;

    /** The one extension of the statutory handling period, in days (0 for none). */
    @Column(name = "extension_days")
    public int extensionDays;

    /** When the review the petitioner asked for must be answered; null while the case is not under review. */
    @Column(name = "review_due")
    public LocalDate reviewDue;

    /** The statutory handling deadline ({@link StatutoryLimits#handlingDue}: from acceptance, else from assignment). */
    public StatutoryDeadline statutoryHandlingDue(StatutoryLimits limits) {
        return limits.handlingDue(assignedOn, acceptedOn, extensionDays);
    }

    @Enumerated(EnumType.STRING)
    public CaseStatus status;

    public int version;

    /** Open and past its deadline on {@code today} ({@link CaseRules#isOverdue}). */
    public boolean overdueOn(LocalDate today) {
        return CaseRules.isOverdue(status, deadline, today);
    }

    /** Whole days past the deadline on {@code today}, 0 for a case that is not overdue. */
    public long daysOverdueOn(LocalDate today) {
        return CaseRules.daysOverdue(status, deadline, today);
    }
}
