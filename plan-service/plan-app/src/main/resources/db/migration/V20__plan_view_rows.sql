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

INSERT INTO plan_view_finding (plan_id, finding_id, position, removed, document, state)
SELECT v.plan_id, f.doc ->> 'findingId', f.ord - 1000000000, FALSE, f.doc - 'actions',
       v.state -> 'findings' -> (f.doc ->> 'findingId')
FROM plan_view v, jsonb_array_elements(v.document -> 'findings') WITH ORDINALITY AS f(doc, ord);

INSERT INTO plan_view_finding (plan_id, finding_id, position, removed, document, state)
SELECT v.plan_id, s.key, -1, TRUE, NULL, s.value
FROM plan_view v, jsonb_each(v.state -> 'findings') AS s(key, value)
WHERE v.state IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM plan_view_finding f WHERE f.plan_id = v.plan_id AND f.finding_id = s.key);

INSERT INTO plan_view_action (plan_id, action_id, finding_id, position, removed, follow_ups, document, state)
SELECT v.plan_id, a.doc ->> 'actionId', f.doc ->> 'findingId', f.ord * 100000 + a.ord - 1000000000000000, FALSE,
       jsonb_array_length(COALESCE(a.doc -> 'followUps', '[]'::jsonb)), a.doc - 'followUps',
       v.state -> 'actions' -> (a.doc ->> 'actionId')
FROM plan_view v,
     jsonb_array_elements(v.document -> 'findings') WITH ORDINALITY AS f(doc, ord),
     jsonb_array_elements(f.doc -> 'actions') WITH ORDINALITY AS a(doc, ord);

INSERT INTO plan_view_action (plan_id, action_id, finding_id, position, removed, document, state)
SELECT v.plan_id, s.key, s.value ->> 'findingId', -1, TRUE, NULL, s.value
FROM plan_view v, jsonb_each(v.state -> 'actions') AS s(key, value)
WHERE v.state IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM plan_view_action a WHERE a.plan_id = v.plan_id AND a.action_id = s.key);

INSERT INTO plan_view_follow_up (plan_id, action_id, n, document)
SELECT v.plan_id, a.doc ->> 'actionId', u.ord, u.doc
FROM plan_view v,
     jsonb_array_elements(v.document -> 'findings') AS f(doc),
     jsonb_array_elements(f.doc -> 'actions') AS a(doc),
     jsonb_array_elements(COALESCE(a.doc -> 'followUps', '[]'::jsonb)) WITH ORDINALITY AS u(doc, ord);

UPDATE plan_view
SET document = jsonb_set(document, '{findings}', '[]'::jsonb),
    state    = CASE WHEN state IS NULL THEN NULL
                    ELSE jsonb_set(jsonb_set(state, '{findings}', '{}'::jsonb), '{actions}', '{}'::jsonb) END;
