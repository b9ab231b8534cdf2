-- Events applied before subscriptions had names: one subscription per topic (see V0_5 of db/consumer).
UPDATE processed_event SET subscription = 'closed-cases' WHERE subscription = 'unnamed' AND topic = 'assignment-events';
