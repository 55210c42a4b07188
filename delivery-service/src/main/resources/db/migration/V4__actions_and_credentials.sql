-- Multi-step actions. A delivery runs its subscription's action, as planned by rules-service, one
-- step per claim. The action is null for a plain delivery (the CloudEvent to one destination).
-- destination_id is the destination of the step that runs next, so each step's destination keeps
-- its limits, circuit and FIFO order. route is 'main' or 'error' (the error route, after the
-- action failed); step_index is the position in that route. step_results holds each succeeded
-- step's response ({"<step>": {"status", "headers", "body"}}), so a retry on any instance sees
-- them; action_error is the failure that sent the delivery down the error route, kept for replays.
alter table delivery
    add column action       jsonb,
    add column error_reason text,
    add column route        text    not null default 'main',
    add column step_index   integer not null default 0,
    add column step_results jsonb   not null default '{}',
    add column action_error jsonb;

-- Credentials of a tenant, applied to destinations' requests and visible to templates. The secret
-- part is sealed with SecretBox; settings hold what is not secret (user name, header name, token
-- endpoint, client id, scope).
create table credential (
    id         text primary key,
    tenant     text        not null,
    name       text        not null,
    kind       text        not null,
    settings   jsonb       not null default '{}',
    key_id     text        not null,
    ciphertext bytea       not null,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    constraint credential_name_unique unique (tenant, name)
);

alter table destination add column credential_id text references credential (id);
create index destination_credential on destination (credential_id) where credential_id is not null;
