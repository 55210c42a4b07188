-- The ingest path inserts an event and its outbox entry per request. Each foreign key made every
-- insert run a lookup and lock the referenced row: all events of a source locked the same source row
-- from concurrent group commits. Sources and events are never deleted (a source is disabled, events
-- stay for audit and replay), so the references hold without the database checking them.
alter table event drop constraint event_source_id_fkey;
alter table outbox drop constraint outbox_event_id_fkey;
