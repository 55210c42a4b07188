-- Dead letters: why a delivery died. When it died is its completed_at.
alter table delivery add column dead_reason text;

-- Replay: the replay that queued the delivery's current round, and how many attempts came before
-- that round, so a replay restarts the retry schedule while attempt numbers carry on.
alter table delivery add column replay_id text;
alter table delivery add column schedule_start integer not null default 0;
alter table attempt add column replay_id text;

-- One replay request: of one delivery (delivery_id) or of every delivery matching its criteria.
-- The idempotency key, when the caller sent one, makes the same request twice a single replay.
create table replay (
    id                  text primary key,
    tenant              text        not null,
    delivery_id         text,
    since               timestamptz,
    until               timestamptz,
    destination_id      text,
    subscription_id     text,
    event_type          text,
    statuses            text,
    include_succeeded   boolean     not null,
    idempotency_key     text,
    request_fingerprint text        not null,
    requested_by        text        not null,
    matched             integer     not null default 0,
    queued              integer     not null default 0,
    created_at          timestamptz not null,
    constraint replay_idempotency_key unique (tenant, idempotency_key)
);
create index replay_created on replay (created_at);

-- The delivery log's searches: newest first within a tenant, by time alone or by one dimension.
-- Keyset paging walks (created_at, id) downwards, so every index ends with both. The time index
-- carries the status, so the summary counts come from the index alone.
drop index delivery_tenant_id;
create index delivery_log_time on delivery (tenant, created_at desc, id desc) include (status);
create index delivery_log_status on delivery (tenant, status, created_at desc, id desc);
create index delivery_log_destination on delivery (tenant, destination_id, created_at desc, id desc);
create index delivery_log_subscription on delivery (tenant, subscription_id, created_at desc, id desc);
create index delivery_log_event_type on delivery (tenant, event_type, created_at desc, id desc);
create index delivery_log_response on delivery (tenant, last_response_status, created_at desc, id desc)
    where last_response_status is not null;
-- A replay's progress: the deliveries whose current round it queued.
create index delivery_replay on delivery (replay_id) where replay_id is not null;
-- Retention: finished deliveries, oldest first.
create index delivery_finished on delivery (completed_at) where status in ('SUCCEEDED', 'DEAD');
