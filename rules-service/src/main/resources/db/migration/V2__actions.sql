-- What a subscription does with a match: steps, presets, an error route (see docs/templates.md).
-- destination_id stays as the first step's destination, for lists and searches.
alter table subscription add column action jsonb;
update subscription
   set action = jsonb_build_object('steps', jsonb_build_array(
       jsonb_build_object('name', 'deliver', 'destinationId', destination_id, 'preset', 'CLOUDEVENT')));
alter table subscription alter column action set not null;

-- Each match keeps the action as it was when the event matched (conditions applied), so a retry
-- or a replay does what the subscription said then; error_reason is set when the event went
-- straight to the error route.
alter table delivery_request add column action jsonb;
alter table delivery_request add column error_reason text;
