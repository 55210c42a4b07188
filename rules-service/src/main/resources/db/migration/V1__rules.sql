-- A tenant's subscriptions: which events go to which destination.
create table subscription (
    id             text primary key,
    tenant         text        not null,
    name           text        not null,
    description    text,
    enabled        boolean     not null default true,
    event_types    jsonb       not null,
    sources        jsonb       not null default '[]',
    filter         text,
    destination_id text        not null,
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    constraint subscription_name_unique unique (tenant, name)
);
create index subscription_tenant on subscription (tenant) where enabled;

-- Every event rules-service has taken in, by id: a resent batch is recognised and matched only once.
create table received_event (
    id          text primary key,
    tenant      text        not null,
    type        text        not null,
    envelope    bytea       not null,
    received_at timestamptz not null
);

-- One row per (event, subscription) match; it is also the outbox towards delivery-service.
create table delivery_request (
    id              text primary key,
    tenant          text        not null,
    event_id        text        not null references received_event (id),
    subscription_id text        not null,
    destination_id  text        not null,
    created_at      timestamptz not null,
    forwarded_at    timestamptz,
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    last_error      text,
    constraint delivery_request_once unique (event_id, subscription_id)
);
create index delivery_request_due on delivery_request (next_attempt_at) where forwarded_at is null;

-- The last known data of each subject (a device, a server...) per tenant and source, so that
-- filters can compare old and new state for vendors that send only the new one. The row is locked
-- while an event of its subject is matched, so replicas apply one subject's events one at a time.
create table subject_state (
    tenant     text        not null,
    source_id  text        not null,
    subject    text        not null,
    data       jsonb,
    event_id   text,
    updated_at timestamptz not null,
    primary key (tenant, source_id, subject)
);
