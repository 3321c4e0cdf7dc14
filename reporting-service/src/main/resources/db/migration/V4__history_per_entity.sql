-- One event may change several entities: removing a finding removes its actions, and each gets its own history row
-- (with its state after the event), so that time travel reads them as they stood.
alter table history_entry drop constraint history_entry_pkey;
alter table history_entry add primary key (event_id, entity_type, entity_id);
alter table history_entry drop constraint history_entry_aggregate_type_aggregate_id_sequence_key;
alter table history_entry add unique (aggregate_type, aggregate_id, sequence, entity_type, entity_id);
