-- plan_view kept the whole plan in one JSON document, rewritten at every event: a plan with years of follow-ups cost
-- more per command the longer its history (issue 14). From here plan_view holds the plan's header (its document and
-- state without findings and actions), and each finding, action and follow-up has a row of its own, so that an event
-- about one action touches that action's row (and appends a follow-up row) and nothing else.
--   document: the finding or action as the API shows it (an action without its follow-ups); null for an entity the
--             view never showed (removed before V3 kept the state)
--   state:    plan-api's PlanFold state of the entity; null in rows of plans whose header state is null (written
--             before V3): the view folds the plan's events at its next change and fills them
--   removed:  removed from its draft plan: no longer shown, its state kept for reconciliation
--   position: the order shown (the sequence of the event that added it; negative for rows moved here by V20)
CREATE TABLE plan_view_finding (
    plan_id    VARCHAR(64)  NOT NULL REFERENCES plan_view (plan_id),
    finding_id VARCHAR(100) NOT NULL,
    position   BIGINT       NOT NULL,
    removed    BOOLEAN      NOT NULL DEFAULT FALSE,
    document   JSONB,
    state      JSONB,
    PRIMARY KEY (plan_id, finding_id)
);

CREATE TABLE plan_view_action (
    plan_id    VARCHAR(64)  NOT NULL REFERENCES plan_view (plan_id),
    action_id  VARCHAR(100) NOT NULL,
    finding_id VARCHAR(100) NOT NULL,
    position   BIGINT       NOT NULL,
    removed    BOOLEAN      NOT NULL DEFAULT FALSE,
    follow_ups INTEGER      NOT NULL DEFAULT 0,
    document   JSONB,
    state      JSONB,
    PRIMARY KEY (plan_id, action_id)
);

CREATE INDEX plan_view_action_finding ON plan_view_action (plan_id, finding_id);

-- An action's history of follow-ups, paged by GET /api/plans/{planId}/actions/{actionId}/follow-ups.
CREATE TABLE plan_view_follow_up (
    plan_id   VARCHAR(64)  NOT NULL,
    action_id VARCHAR(100) NOT NULL,
    n         INTEGER      NOT NULL,
    document  JSONB        NOT NULL,
    PRIMARY KEY (plan_id, action_id, n),
    FOREIGN KEY (plan_id, action_id) REFERENCES plan_view_action (plan_id, action_id)
);
