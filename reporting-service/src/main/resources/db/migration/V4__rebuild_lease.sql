-- A rebuild is claimed in the database, not in a process's memory: whoever claims it holds a lease
-- it renews as it goes; a crash lets the lease run out, and the next rebuild takes over. Each
-- rebuild builds a generation number never used before, so an abandoned one's rows can never be
-- mistaken for the new one's.
ALTER TABLE projection_state ADD COLUMN claimed_by text;
ALTER TABLE projection_state ADD COLUMN lease_until timestamptz;
CREATE SEQUENCE projection_generation;
SELECT setval('projection_generation', (SELECT GREATEST(active_generation, COALESCE(building_generation, 0))
                                        FROM projection_state WHERE id = 1));
