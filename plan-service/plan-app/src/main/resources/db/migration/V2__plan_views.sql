-- Read model of plans: one row per plan with the columns lists filter on, and the whole plan (findings, actions,
-- tasks, follow-ups, signatures, reports) as a JSON document rewritten by the plan-views processor in the same
-- transaction as the events it applies.
CREATE TABLE plan_view (
    plan_id        VARCHAR(64) PRIMARY KEY,
    institution_id VARCHAR(100) NOT NULL,
    kind           VARCHAR(40)  NOT NULL,
    status         VARCHAR(20)  NOT NULL,
    title          TEXT         NOT NULL,
    servant_id     VARCHAR(100),
    supervisor_id  VARCHAR(100),
    evaluation_id  VARCHAR(100),
    version        BIGINT       NOT NULL,
    updated_at     TIMESTAMPTZ  NOT NULL,
    document       JSONB        NOT NULL
);

CREATE INDEX plan_view_institution ON plan_view (institution_id, status, kind);
CREATE INDEX plan_view_evaluation ON plan_view (evaluation_id) WHERE evaluation_id IS NOT NULL;
