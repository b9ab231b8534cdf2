-- A command's idempotency key is stored with the command's stable name (case.close), no longer its Java class's
-- simple name (CloseCase), so renaming a class can never turn a retry into a 422. Keys recorded before are renamed.
UPDATE command_key SET action = CASE action
    WHEN 'AssignCase' THEN 'case.assign'
    WHEN 'assign' THEN 'case.assign'
    WHEN 'AcceptCase' THEN 'case.accept'
    WHEN 'CloseCase' THEN 'case.close'
    WHEN 'SuspendCase' THEN 'case.suspend'
    WHEN 'ResumeCase' THEN 'case.resume'
    WHEN 'TransferCase' THEN 'case.transfer'
    WHEN 'ChangeDeadline' THEN 'case.change-deadline'
    WHEN 'ExtendHandling' THEN 'case.extend-handling'
    WHEN 'ReopenCase' THEN 'case.reopen'
    WHEN 'RequestReview' THEN 'case.request-review'
    WHEN 'MarkOverdue' THEN 'case.mark-overdue'
    WHEN 'ScheduleReturnVisit' THEN 'return-visit.schedule'
    WHEN 'CompleteReturnVisit' THEN 'return-visit.complete'
    WHEN 'MarkReturnVisitOverdue' THEN 'return-visit.mark-overdue'
    ELSE action END;
