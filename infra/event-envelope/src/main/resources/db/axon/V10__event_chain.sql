-- Tamper-evident history (issue 12, item 3; README "Tamper-evident history"), in every producer's database beside
-- the event store (classpath:db/axon). Versioned far from the services' own migrations (V2..) so that they can add
-- V3.. without colliding.
--
-- event_chain: one link per stored event, written in the transaction that stores it. hash = SHA-256 of the event's
-- canonical form (org.mejora.envelope.chain.ChainedEvent), which includes previous_hash: the hash of the aggregate's
-- previous event, or 32 zero bytes for its event 0.
create table event_chain (
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    event_identifier     varchar(255) not null,
    hash                 bytea        not null,
    previous_hash        bytea        not null,
    primary key (aggregate_identifier, sequence_number)
);
create unique index event_chain_event on event_chain (event_identifier);

-- Each aggregate's last link, and the last one a signed checkpoint already covers.
create table chain_head (
    aggregate_identifier   varchar(255) not null primary key,
    sequence_number        bigint       not null,
    hash                   bytea        not null,
    checkpointed_sequence  bigint,
    checkpoint_number      bigint
);
create index chain_head_pending on chain_head (aggregate_identifier)
    where checkpointed_sequence is distinct from sequence_number;

-- Signed checkpoints, numbered from 1 without gaps; each names the previous one's hash (the JWS's SHA-256).
create table chain_checkpoint (
    number     bigint       not null primary key,
    key_id     varchar(100) not null,
    jws        text         not null,
    created_at timestamptz  not null,
    head_count integer      not null,
    published  boolean      not null default false
);

-- The public keys that signed checkpoints, by JWK thumbprint, for auditors and the verifier.
create table chain_signing_key (
    key_id     varchar(100) not null primary key,
    public_jwk text         not null,
    first_used timestamptz  not null
);
