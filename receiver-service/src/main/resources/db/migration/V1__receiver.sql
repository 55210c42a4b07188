-- Sources: one per tenant and vendor set-up; its name is the last segment of its webhook URL.
create table source (
    id             text primary key,
    tenant         text        not null,
    name           text        not null,
    vendor         text        not null,
    description    text,
    enabled        boolean     not null default true,
    settings       jsonb       not null default '{}',
    max_body_bytes integer     not null,
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    constraint source_name_unique unique (tenant, name)
);

-- A source's secrets, encrypted (AES-GCM, with the id of the key). Several verify at once while a
-- rotation's overlap window runs; expires_at ends a replaced secret's window.
create table source_secret (
    id         text primary key,
    source_id  text        not null references source (id),
    key_id     text        not null,
    ciphertext bytea       not null,
    created_at timestamptz not null,
    expires_at timestamptz
);
create index source_secret_source on source_secret (source_id);

-- Every accepted event, committed before the receiver answers 2xx. Raw bytes and headers are kept
-- for audit and replay.
create table event (
    id                 text primary key,
    tenant             text        not null,
    source_id          text        not null references source (id),
    ce_source          text        not null,
    vendor             text        not null,
    type               text        not null,
    subject            text,
    operation          text,
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

-- Every request to a hook URL of a known source, accepted or not, with its verdict and reason, so an
-- admin can see why a vendor's set-up fails. Credentials in headers are redacted before storing;
-- accepted requests point at their event, which holds the body.
create table request_log (
    id          text primary key,
    tenant      text        not null,
    source_id   text        not null,
    received_at timestamptz not null,
    method      text        not null,
    verdict     text        not null,
    status      integer     not null,
    reason      text,
    detail      text,
    headers     jsonb       not null,
    event_id    text
);
create index request_log_tenant on request_log (tenant, id desc);
create index request_log_received on request_log (received_at);
