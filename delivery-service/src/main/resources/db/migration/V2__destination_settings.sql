-- Destination settings: how requests are built and sent, which answers count as success, limits,
-- ordering, and the state a destination is in (active, paused or disabled, each with a reason).
alter table destination
    add column kind              text        not null default 'webhook',
    add column method            text        not null default 'POST',
    add column headers           jsonb       not null default '{}',
    add column timeout_ms        integer     not null default 15000,
    add column rate_limit        integer,
    add column max_concurrency   integer,
    add column retry_schedule    text,
    add column success_codes     text        not null default '200-299',
    add column fifo              boolean     not null default false,
    add column state             text        not null default 'active',
    add column state_reason      text,
    add column state_changed_at  timestamptz,
    -- Health, kept by the workers: failures in a row, since when, and the circuit breaker.
    add column consecutive_failures integer  not null default 0,
    add column failing_since     timestamptz,
    add column circuit_open_until timestamptz,
    -- Rate limiting across instances (GCRA): the theoretical arrival time of the next request.
    add column rate_tat          timestamptz;

-- Signing secrets (Standard Webhooks), sealed with SecretBox. A rotated-out secret keeps signing
-- beside the new one until it expires.
create table destination_secret (
    id             text primary key,
    destination_id text        not null references destination (id) on delete cascade,
    key_id         text        not null,
    ciphertext     bytea       not null,
    created_at     timestamptz not null,
    expires_at     timestamptz
);
create index destination_secret_destination on destination_secret (destination_id);

-- Per-tenant settings of delivery-service: where operational events go.
create table tenant_settings (
    tenant                     text primary key,
    operational_destination_id text,
    updated_at                 timestamptz not null
);

-- Intake order, for destinations that take their deliveries one at a time, in order.
alter table delivery add column seq bigserial;
create index delivery_fifo_head on delivery (destination_id, seq) where status in ('PENDING', 'FAILING');
-- Deliveries held by a worker, counted against a destination's maximum concurrency.
create index delivery_leased on delivery (destination_id) where lease_until is not null;

-- A delivery will become an ordered list of named steps; today every attempt is the one step.
alter table attempt add column step text not null default 'deliver';
-- When the attempt fell due, so the log (and the benchmark) can tell queueing from sending.
alter table attempt add column due_at timestamptz;
