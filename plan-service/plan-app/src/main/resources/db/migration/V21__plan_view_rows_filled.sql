-- The plans written before V20 into the rows of V20: each finding, action and follow-up of plan_view's documents gets
-- its row (with its state from plan_view.state, removed ones from the state alone), and the header keeps the rest.
-- Rows already in the V20 form have no findings in their document and change nothing here; rows already moved are
-- left as they are (ON CONFLICT DO NOTHING), so the script can run again.
INSERT INTO plan_view_finding (plan_id, finding_id, position, removed, document, state)
SELECT v.plan_id, f.doc ->> 'findingId', f.ord - 1000000000, FALSE, f.doc - 'actions',
       v.state -> 'findings' -> (f.doc ->> 'findingId')
FROM plan_view v, jsonb_array_elements(v.document -> 'findings') WITH ORDINALITY AS f(doc, ord)
ON CONFLICT DO NOTHING;

INSERT INTO plan_view_finding (plan_id, finding_id, position, removed, document, state)
SELECT v.plan_id, s.key, -1, TRUE, NULL, s.value
FROM plan_view v, jsonb_each(v.state -> 'findings') AS s(key, value)
WHERE v.state IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM plan_view_finding f WHERE f.plan_id = v.plan_id AND f.finding_id = s.key)
ON CONFLICT DO NOTHING;

INSERT INTO plan_view_action (plan_id, action_id, finding_id, position, removed, follow_ups, document, state)
SELECT v.plan_id, a.doc ->> 'actionId', f.doc ->> 'findingId', f.ord * 100000 + a.ord - 1000000000000000, FALSE,
       jsonb_array_length(COALESCE(a.doc -> 'followUps', '[]'::jsonb)), a.doc - 'followUps',
       v.state -> 'actions' -> (a.doc ->> 'actionId')
FROM plan_view v,
     jsonb_array_elements(v.document -> 'findings') WITH ORDINALITY AS f(doc, ord),
     jsonb_array_elements(f.doc -> 'actions') WITH ORDINALITY AS a(doc, ord)
ON CONFLICT DO NOTHING;

INSERT INTO plan_view_action (plan_id, action_id, finding_id, position, removed, document, state)
SELECT v.plan_id, s.key, s.value ->> 'findingId', -1, TRUE, NULL, s.value
FROM plan_view v, jsonb_each(v.state -> 'actions') AS s(key, value)
WHERE v.state IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM plan_view_action a WHERE a.plan_id = v.plan_id AND a.action_id = s.key)
ON CONFLICT DO NOTHING;

INSERT INTO plan_view_follow_up (plan_id, action_id, n, document)
SELECT v.plan_id, a.doc ->> 'actionId', u.ord, u.doc
FROM plan_view v,
     jsonb_array_elements(v.document -> 'findings') AS f(doc),
     jsonb_array_elements(f.doc -> 'actions') AS a(doc),
     jsonb_array_elements(COALESCE(a.doc -> 'followUps', '[]'::jsonb)) WITH ORDINALITY AS u(doc, ord)
ON CONFLICT DO NOTHING;

UPDATE plan_view
SET document = jsonb_set(document, '{findings}', '[]'::jsonb),
    state    = CASE WHEN state IS NULL THEN NULL
                    ELSE jsonb_set(jsonb_set(state, '{findings}', '{}'::jsonb), '{actions}', '{}'::jsonb) END;
