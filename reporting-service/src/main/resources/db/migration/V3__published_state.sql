-- The state of each aggregate as its producer's published fold (plan-api, evaluation-api) leaves it after the events
-- applied so far: what it decides for every entity (status, progress, verification, removals, key dates) is written
-- into entity_state from it, so reporting never decides a status itself.
create table published_state (
    aggregate_type varchar(100) not null,
    aggregate_id   varchar(255) not null,
    state          jsonb        not null,
    primary key (aggregate_type, aggregate_id)
);
