-- Every event the engine emitted. Portable SQL: the same file runs on SQLite and PostgreSQL.
-- Times are epoch microseconds (BIGINT) so both databases compare and index them identically.
-- json is the event exactly as published on MQTT, so the API returns what consumers saw.
CREATE TABLE events (
    event_id       TEXT   NOT NULL PRIMARY KEY,
    type           TEXT   NOT NULL,
    site           TEXT   NOT NULL,
    vessel_key     TEXT   NOT NULL,
    machine        TEXT   NOT NULL,
    from_state     TEXT   NOT NULL,
    to_state       TEXT   NOT NULL,
    event_time_us  BIGINT NOT NULL,
    detected_at_us BIGINT NOT NULL,
    json           TEXT   NOT NULL
);

-- Each index ends in (event_time_us, event_id): the keyset that pagination orders and continues on.
CREATE INDEX events_time ON events (event_time_us, event_id);
CREATE INDEX events_vessel_time ON events (vessel_key, event_time_us, event_id);
CREATE INDEX events_type_time ON events (type, event_time_us, event_id);
CREATE INDEX events_site_time ON events (site, event_time_us, event_id);
