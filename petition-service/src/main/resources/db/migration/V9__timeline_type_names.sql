-- Timeline entries are stored under their event's versioned type name (@EventType), which stays when a class is
-- renamed, no longer under the class's simple name. Every event that reaches a timeline (TimelineTypes): the
-- petition's own, its case's, its return visits'.
UPDATE timeline_entry SET type = names.type_name
FROM (VALUES
    ('PetitionRegistered', 'petition.registered-sealed.v1'),
    ('RepeatVisitRecorded', 'petition.repeat-visit-recorded.v1'),
    ('PetitionerErased', 'petition.petitioner-erased.v1'),
    ('AcceptanceNoticeSent', 'petition.acceptance-notice-sent.v1'),
    ('CaseAssigned', 'case.assigned.v1'),
    ('CaseAccepted', 'case.accepted.v1'),
    ('CaseClosed', 'case.closed.v1'),
    ('CaseSuspended', 'case.suspended.v1'),
    ('CaseResumed', 'case.resumed.v1'),
    ('CaseTransferred', 'case.transferred.v1'),
    ('DeadlineChanged', 'case.deadline-changed.v1'),
    ('CaseReopened', 'case.reopened.v1'),
    ('CaseBecameOverdue', 'case.became-overdue.v1'),
    ('HandlingExtended', 'case.handling-extended.v1'),
    ('CaseReviewRequested', 'case.review-requested.v1'),
    ('ReturnVisitScheduled', 'return-visit.scheduled.v1'),
    ('ReturnVisitCompleted', 'return-visit.completed.v1'),
    ('ReturnVisitBecameOverdue', 'return-visit.became-overdue.v1')
) AS names (simple_name, type_name)
WHERE timeline_entry.type = names.simple_name;
