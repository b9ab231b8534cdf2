-- Events applied before subscriptions had names: one subscription per topic (see V0_5 of db/consumer).
UPDATE processed_event SET subscription = CASE topic
    WHEN 'assignment-events' THEN 'case-progress'
    WHEN 'followup-events' THEN 'return-visit-progress'
    ELSE subscription END
WHERE subscription = 'unnamed';
