package org.mejora.reporting.notification;

import java.time.Instant;
import java.time.LocalDate;

/** A stored notification of one recipient, as the app lists it and a mail words it. */
record Line(long id, String recipientId, Kind kind, String subjectType, String subjectId, LocalDate dueOn,
            int daysLeft, String planId, String actionId, String evaluationId, String subjectName,
            String contextName, String stage, String step, String linkPath, Instant createdAt, Instant readAt,
            String mail) {
}
