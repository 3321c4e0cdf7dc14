-- The latest rebuild's progress and outcome, so that every instance answers GET /api/reports/rebuilds/current for
-- the rebuild that one of them runs. Not a projection: a rebuild leaves it alone.
create table rebuild_status (
    id         varchar(20) primary key,
    view       jsonb       not null,
    updated_at timestamptz not null
);
