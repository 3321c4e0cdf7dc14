-- The plan as plan-api's PlanFold leaves it after the events so far (removed findings and actions included): the
-- view applies the next event to it, so the view's statuses are the published ones. Null for rows written before
-- it existed; the view replays the plan's events then.
ALTER TABLE plan_view ADD COLUMN state JSONB;
