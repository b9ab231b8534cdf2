-- Events applied before subscriptions had names: the report inbox was the one subscription (see V0_5 of db/consumer).
UPDATE processed_event SET subscription = 'report-inbox' WHERE subscription = 'unnamed';
