-- Retention deletes by detection time (when the engine found and stored the event), not event time:
-- a replay of an old recording is kept for the retention period after it ran, not deleted at once.
CREATE INDEX events_detected ON events (detected_at_us);
