package org.mejora.reporting.notification;

import java.time.LocalDate;

/**
 * One reminder about one subject and due date, before it is addressed to its recipients.
 *
 * @param subjectName the action's name or the servant's name
 * @param contextName the plan's title (actions); empty for evaluations, whose stage and step say it
 * @param linkPath    the web app's page of the subject
 */
record Notice(Kind kind, String subjectType, String subjectId, LocalDate dueOn, int daysLeft, String planId,
              String actionId, String evaluationId, String subjectName, String contextName, String stage,
              String step, String linkPath) {
}
