-- Events already applied to the projections; written in the same transaction as the projection rows.
create table processed_event (
    event_id     uuid primary key,
    processed_at timestamptz not null default now()
);

-- The audit history: one row per event of any aggregate, in its aggregate's order.
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
    payload        jsonb        not null,
    unique (aggregate_type, aggregate_id, sequence)
);
create index history_entry_institution on history_entry (institution_id, occurred_at);

-- Records that are not readable envelopes: kept for an operator, never blocking their partition.
create table unreadable_record (
    topic         varchar(200) not null,
    partition_no  integer      not null,
    record_offset bigint       not null,
    record_key    varchar(255),
    reason        varchar(1000) not null,
    raw           bytea,
    seen_at       timestamptz  not null default now(),
    primary key (topic, partition_no, record_offset)
);
