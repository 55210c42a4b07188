-- Sources: one per tenant and vendor set-up; its name is the last segment of its webhook URL.
create table source (
    id             text primary key,
    tenant         text        not null,
    name           text        not null,
    vendor         text        not null,
    description    text,
    enabled        boolean     not null default true,
    token_hash     bytea       not null,
    max_body_bytes integer     not null,
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    constraint source_name_unique unique (tenant, name)
);

-- Every accepted event, committed before the receiver answers 2xx. Raw bytes and headers are kept
-- for audit and replay.
create table event (
    id                 text primary key,
    tenant             text        not null,
    source_id          text        not null references source (id),
    ce_source          text        not null,
    type               text        not null,
    subject            text,
    vendor_delivery_id text,
    content_type       text        not null,
    headers            jsonb       not null,
    body               bytea       not null,
    received_at        timestamptz not null
);
create index event_tenant_received on event (tenant, received_at desc);
create unique index event_vendor_delivery on event (source_id, vendor_delivery_id)
    where vendor_delivery_id is not null;

-- Events not yet handed to rules-service. Written in the same transaction as the event.
create table outbox (
    event_id        text primary key references event (id),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    last_error      text
);
create index outbox_due on outbox (next_attempt_at);
