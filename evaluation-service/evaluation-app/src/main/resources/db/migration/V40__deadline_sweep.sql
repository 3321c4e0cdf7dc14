-- The deadline sweep (notify-facts): db-scheduler's table, where the daily run is one row picked by one instance
-- at a time and kept across restarts (db-scheduler 16's PostgreSQL schema).
create table scheduled_tasks (
    task_name            text                     not null,
    task_instance        text                     not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures int,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index execution_time_idx on scheduled_tasks (execution_time);
create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);

-- The sweep's candidates: stages by deadline, and the evaluations whose step was already found overdue for one.
create index cycle_stage_deadline on cycle_stage (deadline, stage);
create index evaluation_view_cycle_status on evaluation_view (cycle_id, status);
create table evaluation_deadline_settled (
    evaluation_id varchar(64) not null,
    stage         varchar(30) not null,
    deadline      date        not null,
    primary key (evaluation_id, stage, deadline)
);
