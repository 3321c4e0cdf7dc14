-- Reminders: who was told what, and the facts needed to decide it. State of its own, never a projection of the
-- topics: a rebuild leaves every notification_* table alone (Rebuilder), so nothing is told twice.

-- Where the notifications consumer stands, per partition, committed with what it decided.
create table notification_offset (
    topic        text   not null,
    partition_no int    not null,
    next_offset  bigint not null,
    primary key (topic, partition_no)
);

-- Every event decided on once: a redelivered event is skipped by its id.
create table notification_seen_event (
    event_id uuid primary key
);

-- Who owns and reviewed a plan, and what its actions are called, are due, and who is responsible for them.
create table notification_plan (
    plan_id        text primary key,
    institution_id text not null,
    title          text,
    owner_id       text,
    reviewer_id    text
);

create table notification_action (
    action_id    text primary key,
    plan_id      text   not null,
    number       text,
    name         text,
    responsibles jsonb  not null default '[]'
);

create table notification_evaluation (
    evaluation_id  text primary key,
    institution_id text not null,
    servant_id     text,
    servant_name   text,
    supervisor_id  text,
    supervisor_name text
);

-- The people directory: where and in which language a person is told; what they chose.
create table notification_person (
    user_id        text primary key,
    institution_id text    not null,
    name           text,
    email          text,
    language       text    not null default 'es',
    roles          jsonb   not null default '[]',
    digests        boolean not null default true,
    updated_at     timestamptz not null
);
create index notification_person_institution on notification_person (institution_id);

-- One line per recipient, kind, subject and due date: the unique key is the rule "once, never again".
-- mail: URGENT_QUEUED (sent at once through the outbox), DIGEST (waits for the day's digest), DIGESTED (went in
-- one), NO_ADDRESS, DIGESTS_OFF, STALE (an old fact read on a first start: shown in the app, not mailed).
create table notification (
    id             bigserial primary key,
    recipient_id   text   not null,
    institution_id text   not null,
    kind           text   not null,
    subject_type   text   not null,
    subject_id     text   not null,
    due_on         date   not null,
    days_left      int    not null default 0,
    plan_id        text,
    action_id      text,
    evaluation_id  text,
    subject_name   text,
    context_name   text,
    stage          text,
    step           text,
    link_path      text   not null,
    created_at     timestamptz not null,
    read_at        timestamptz,
    mail           text   not null,
    outbox_id      bigint,
    event_id       uuid   not null,
    constraint notification_once unique (recipient_id, kind, subject_id, due_on, days_left)
);
create index notification_by_recipient on notification (recipient_id, created_at desc, id desc);
create index notification_digest_pending on notification (recipient_id) where mail = 'DIGEST';

-- Mail to send, written in the transaction that decided it; a job sends it and retries with back-off.
create table notification_outbox (
    id              bigserial primary key,
    recipient_id    text not null,
    address         text not null,
    language        text not null,
    subject         text not null,
    body            text not null,
    created_at      timestamptz not null,
    attempts        int  not null default 0,
    next_attempt_at timestamptz,
    sent_at         timestamptz,
    last_error      text
);
create index notification_outbox_unsent on notification_outbox (id) where sent_at is null;

-- The last day whose digest went out: one instance sends it (row lock), once a day.
create table notification_digest_day (
    id       int  primary key default 1,
    last_day date not null
);
