-- Every table below is a projection: disposable, rebuilt from the topics. The first version kept the Kafka group's
-- offsets outside the database; positions now live beside the rows, so the old rows start over with them.
drop table if exists processed_event, history_entry, unreadable_record;

-- Where ingestion stands on each partition, written in the same transaction as the rows it produced.
create table consumer_offset (
    topic        varchar(200) not null,
    partition_no integer      not null,
    next_offset  bigint       not null,
    primary key (topic, partition_no)
);

-- Events already applied; written in the same transaction as the projection rows (dedupe by event id).
create table processed_event (
    event_id uuid primary key
);

-- The next sequence each aggregate expects: an event beyond it is a gap, parked until the missing ones arrive.
create table aggregate_sequence (
    aggregate_type varchar(100) not null,
    aggregate_id   varchar(255) not null,
    next_sequence  bigint       not null,
    primary key (aggregate_type, aggregate_id)
);

create table parked_event (
    aggregate_type varchar(100) not null,
    aggregate_id   varchar(255) not null,
    sequence       bigint       not null,
    envelope       jsonb        not null,
    primary key (aggregate_type, aggregate_id, sequence)
);

-- What ingestion could not apply as it came: gaps, unknown event types, newer schema versions, unreadable records.
create table ingest_problem (
    id             varchar(300) primary key,
    kind           varchar(40)  not null,
    topic          varchar(200) not null,
    partition_no   integer      not null,
    record_offset  bigint       not null,
    aggregate_type varchar(100),
    aggregate_id   varchar(255),
    event_type     varchar(200),
    detail         varchar(1000) not null,
    resolved       boolean      not null default false
);
create index ingest_problem_kind on ingest_problem (kind, resolved);

create table unreadable_record (
    topic         varchar(200) not null,
    partition_no  integer      not null,
    record_offset bigint       not null,
    record_key    varchar(255),
    raw           bytea,
    primary key (topic, partition_no, record_offset)
);

-- The audit history: one row per event, with the state of the entity it touched before and after.
create table history_entry (
    event_id       uuid         primary key,
    aggregate_type varchar(100) not null,
    aggregate_id   varchar(255) not null,
    sequence       bigint       not null,
    event_type     varchar(200) not null,
    schema_version integer      not null,
    occurred_at    timestamptz  not null,
    institution_id varchar(100),
    actor_id       varchar(200),
    actor_role     varchar(50),
    actor_name     varchar(300),
    correlation_id varchar(200),
    entity_type    varchar(40)  not null,
    entity_id      varchar(255) not null,
    root_type      varchar(40)  not null,
    root_id        varchar(255) not null,
    change_kinds   text[]       not null,
    changes        jsonb        not null,
    reason         text,
    evidence       text,
    payload        jsonb        not null,
    state_after    jsonb        not null,
    unique (aggregate_type, aggregate_id, sequence)
);
create index history_entry_entity on history_entry (entity_type, entity_id, occurred_at);
create index history_entry_root on history_entry (root_type, root_id, occurred_at);

-- The current state of every plan, finding, action and evaluation, as the fold of its events.
create table entity_state (
    entity_type    varchar(40)  not null,
    entity_id      varchar(255) not null,
    root_type      varchar(40)  not null,
    root_id        varchar(255) not null,
    institution_id varchar(100),
    state          jsonb        not null,
    primary key (entity_type, entity_id)
);
create index entity_state_root on entity_state (root_type, root_id);
create index entity_state_institution on entity_state (institution_id, entity_type);
