-- Where a tenant's deliveries go.
create table destination (
    id         text primary key,
    tenant     text        not null,
    name       text        not null,
    url        text        not null,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    constraint destination_name_unique unique (tenant, name)
);

-- The work queue and the delivery log in one: one row per (event, subscription) delivery.
-- Workers claim due rows with FOR UPDATE SKIP LOCKED and hold them by a lease while they send.
create table delivery (
    id                   text primary key,
    tenant               text        not null,
    event_id             text        not null,
    event_type           text        not null,
    subscription_id      text        not null,
    destination_id       text        not null,
    event                bytea       not null,
    status               text        not null,
    attempt_count        integer     not null default 0,
    next_attempt_at      timestamptz not null,
    lease_until          timestamptz,
    last_response_status integer,
    last_error           text,
    created_at           timestamptz not null,
    updated_at           timestamptz not null,
    completed_at         timestamptz
);
create index delivery_due on delivery (next_attempt_at) where status in ('PENDING', 'FAILING');
create index delivery_tenant_id on delivery (tenant, id desc);
create index delivery_tenant_event on delivery (tenant, event_id);

-- Every attempt: the request as sent (secrets redacted) and the response (body truncated).
create table attempt (
    id               text primary key,
    delivery_id      text        not null references delivery (id),
    tenant           text        not null,
    attempt_number   integer     not null,
    started_at       timestamptz not null,
    duration_ms      integer     not null,
    request_method   text        not null,
    request_url      text        not null,
    request_headers  jsonb       not null,
    request_body     bytea       not null,
    response_status  integer,
    response_headers jsonb,
    response_body    bytea,
    outcome          text        not null,
    error_class      text,
    error_detail     text
);
create index attempt_delivery on attempt (delivery_id, attempt_number);
