-- Read models of evaluation-service, fed in the same transaction as the events (subscribing processors).

create table cycle_view (
    cycle_id            varchar(64)   not null primary key,
    institution_id      varchar(64)   not null,
    year                int           not null,
    name                varchar(300)  not null,
    goals_weight        numeric(5, 2) not null,
    competencies_weight numeric(5, 2) not null,
    threshold_level     varchar(100)  not null,
    scale               jsonb         not null,
    competencies        jsonb         not null,
    opened_at           timestamptz   not null,
    opened_by           varchar(100),
    consolidated_at     timestamptz,
    consolidated_by     varchar(100)
);
create index cycle_view_institution on cycle_view (institution_id, year);

create table cycle_stage (
    cycle_id     varchar(64)   not null references cycle_view,
    stage        varchar(30)   not null,
    deadline     date          not null,
    closed_at    timestamptz,
    closed_by    varchar(100),
    close_reason varchar(2000),
    primary key (cycle_id, stage)
);

create table evaluation_view (
    evaluation_id             varchar(64)  not null primary key,
    cycle_id                  varchar(64)  not null,
    institution_id            varchar(64)  not null,
    year                      int          not null,
    servant_id                varchar(100) not null,
    servant_name              varchar(300) not null,
    supervisor_id             varchar(100) not null,
    supervisor_name           varchar(300) not null,
    status                    varchar(40)  not null,
    -- current values; *_original keep the servant's own version when the supervisor modified it
    goals                     jsonb,
    goals_original            jsonb,
    compliance_i              jsonb,
    compliance_i_original     jsonb,
    compliance_ii             jsonb,
    compliance_ii_original    jsonb,
    competency_ratings        jsonb,
    goals_score               numeric(5, 2),
    competencies_score        numeric(5, 2),
    final_score               numeric(5, 2),
    rating_level              varchar(100),
    below_threshold           boolean,
    consolidated_at           timestamptz,
    improvement_plan_required boolean      not null default false,
    opened_at                 timestamptz  not null,
    last_step_at              timestamptz  not null
);
create index evaluation_view_cycle on evaluation_view (cycle_id);
create index evaluation_view_servant on evaluation_view (servant_id);
create index evaluation_view_supervisor on evaluation_view (supervisor_id);

-- Every step of every evaluation, never updated: who, when, in which role, why, and what exactly.
create table evaluation_step (
    event_id      varchar(64)  not null primary key,
    evaluation_id varchar(64)  not null,
    sequence      bigint       not null,
    step          varchar(60)  not null,
    actor_id      varchar(100),
    actor_role    varchar(40),
    actor_name    varchar(300),
    occurred_at   timestamptz  not null,
    reason        varchar(2000),
    detail        jsonb        not null,
    unique (evaluation_id, sequence)
);
