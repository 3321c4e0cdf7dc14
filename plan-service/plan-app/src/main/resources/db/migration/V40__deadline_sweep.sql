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

-- The actions that may still get a deadline fact, by due date: the sweep's candidates in an indexed query.
create table plan_action_deadline (
    plan_id        varchar(64)  not null,
    action_id      varchar(64)  not null,
    institution_id varchar(100) not null,
    due_on         date,
    pending        boolean      not null,
    primary key (plan_id, action_id)
);
create index plan_action_deadline_due on plan_action_deadline (due_on) where pending;

-- Plans written before: their actions from the published state the view keeps (rows without it are filled by their
-- next event).
insert into plan_action_deadline (plan_id, action_id, institution_id, due_on, pending)
select v.plan_id, a.key, v.institution_id,
       case when a.value ->> 'dueOn' ~ '^\d{4}-\d{2}-\d{2}$' then (a.value ->> 'dueOn')::date end,
       coalesce((a.value ->> 'removed')::boolean, false) = false
           and a.value ->> 'status' in ('PLANNED', 'IN_PROGRESS')
           and a.value ->> 'dueOn' ~ '^\d{4}-\d{2}-\d{2}$'
from plan_view v
         cross join lateral jsonb_each(coalesce(v.state -> 'actions', '{}'::jsonb)) a
where v.state is not null
on conflict do nothing;
