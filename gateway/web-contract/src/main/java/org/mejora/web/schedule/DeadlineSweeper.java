package org.mejora.web.schedule;

/**
 * A service's daily deadline sweep (barrido de vencimientos): raises the deadline facts due today. The service
 * decides which, once per entity and due date, so the sweep may run twice or on two instances. Declaring one bean
 * of this type is all a service does to have it run daily ({@link DeadlineScheduleAutoConfiguration}).
 */
public interface DeadlineSweeper {

    /** The task's name in the service's {@code scheduled_tasks} table, unique in its database. */
    String taskName();

    /** Runs the sweep on behalf of the platform's schedule; returns how many facts were raised. */
    int sweepOnSchedule();
}
