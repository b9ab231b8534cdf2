-- Events applied before subscriptions had names: one subscription per topic (see V0_5 of db/consumer).
UPDATE processed_event SET subscription = CASE topic
    WHEN 'petition-events' THEN 'known-petitions'
    WHEN 'followup-events' THEN 'return-visit-outcomes'
    ELSE subscription END
WHERE subscription = 'unnamed';
