-- Request log ids sort by time (ULIDs made from the same clock a moment before received_at), so
-- searches by time and the retention delete bound the primary key instead; this index cost every
-- ingested event an entry and is no longer read.
drop index request_log_received;
