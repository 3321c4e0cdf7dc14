-- The producers' signed checkpoints of their hash chains (README, "Tamper-evident history"), kept apart from the
-- producers' own databases: a second copy that a rewrite of a producer's database cannot reach. A row is also the
-- archive's offset: it resumes after the highest offset it holds per partition. Versioned far from the projections'
-- migrations so that other work can add V3.. without colliding.
create table integrity_checkpoint (
    topic           varchar(200) not null,
    kafka_partition integer      not null,
    kafka_offset    bigint       not null,
    producer        varchar(100) not null,
    number          bigint       not null,
    key_id          varchar(100) not null,
    created_at      varchar(40)  not null,
    head_count      integer      not null,
    jws             text         not null,
    public_jwk      text         not null,
    -- Whether the JWS verifies with the key the record names; the verifier pins the key it trusts.
    signature_valid boolean      not null,
    received_at     timestamptz  not null,
    primary key (topic, kafka_partition, kafka_offset)
);
create index integrity_checkpoint_number on integrity_checkpoint (producer, key_id, number);
