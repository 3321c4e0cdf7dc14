package org.mejora.reporting.notification;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The stored notifications and the outbox of mail. */
@Component
class Notifications {

    private final JdbcClient jdbc;

    Notifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records a notice for one recipient unless it was recorded before (same recipient, kind, subject, due date and
     * days left): returns the new line, or empty when the recipient was told already.
     */
    Optional<Line> record(Notice notice, String recipientId, String institutionId, String mail, UUID eventId,
                          Instant now) {
        return jdbc.sql("""
                        insert into notification (recipient_id, institution_id, kind, subject_type, subject_id, due_on,
                            days_left, plan_id, action_id, evaluation_id, subject_name, context_name, stage, step,
                            link_path, created_at, mail, event_id)
                        values (:recipient, :institution, :kind, :subjectType, :subjectId, :dueOn, :daysLeft, :planId,
                            :actionId, :evaluationId, :subjectName, :contextName, :stage, :step, :link, :now, :mail,
                            :eventId)
                        on conflict on constraint notification_once do nothing
                        returning *""")
                .param("recipient", recipientId).param("institution", institutionId)
                .param("kind", notice.kind().name()).param("subjectType", notice.subjectType())
                .param("subjectId", notice.subjectId()).param("dueOn", notice.dueOn())
                .param("daysLeft", notice.daysLeft()).param("planId", notice.planId())
                .param("actionId", notice.actionId()).param("evaluationId", notice.evaluationId())
                .param("subjectName", notice.subjectName()).param("contextName", notice.contextName())
                .param("stage", notice.stage()).param("step", notice.step()).param("link", notice.linkPath())
                .param("now", Timestamp.from(now)).param("mail", mail).param("eventId", eventId)
                .query(Notifications::line).optional();
    }

    long enqueue(Person person, MailTexts.Mail mail, Instant now) {
        return jdbc.sql("""
                        insert into notification_outbox (recipient_id, address, language, subject, body, created_at)
                        values (?, ?, ?, ?, ?, ?) returning id""")
                .params(person.userId(), person.email(), person.language(), mail.subject(), mail.body(),
                        Timestamp.from(now))
                .query(Long.class).single();
    }

    void mailed(List<Long> lines, String mail, Long outboxId) {
        jdbc.sql("update notification set mail = :mail, outbox_id = :outbox where id in (:ids)")
                .param("mail", mail).param("outbox", outboxId).param("ids", lines).update();
    }

    List<Line> page(String recipientId, int limit, long offset) {
        return jdbc.sql("""
                        select * from notification where recipient_id = ?
                        order by created_at desc, id desc limit ? offset ?""")
                .params(recipientId, limit, offset).query(Notifications::line).list();
    }

    long count(String recipientId) {
        return jdbc.sql("select count(*) from notification where recipient_id = ?").param(recipientId)
                .query(Long.class).single();
    }

    long unread(String recipientId) {
        return jdbc.sql("select count(*) from notification where recipient_id = ? and read_at is null")
                .param(recipientId).query(Long.class).single();
    }

    /** Marks one of the recipient's own notifications read; false when they have none of that id. */
    boolean read(String recipientId, long id, Instant now) {
        int found = jdbc.sql("""
                        update notification set read_at = coalesce(read_at, ?) where id = ? and recipient_id = ?""")
                .params(Timestamp.from(now), id, recipientId).update();
        return found > 0;
    }

    /** The people with notifications waiting for a digest. */
    List<String> awaitingDigest() {
        return jdbc.sql("select distinct recipient_id from notification where mail = 'DIGEST' order by 1")
                .query(String.class).list();
    }

    /** One person's lines waiting for a digest, locked so that a second instance skips them. */
    List<Line> lockDigest(String recipientId) {
        return jdbc.sql("""
                        select * from notification where recipient_id = ? and mail = 'DIGEST'
                        order by created_at, id for update skip locked""")
                .param(recipientId).query(Notifications::line).list();
    }

    static Line line(ResultSet row, int n) throws SQLException {
        Timestamp read = row.getTimestamp("read_at");
        return new Line(row.getLong("id"), row.getString("recipient_id"), Kind.valueOf(row.getString("kind")),
                row.getString("subject_type"), row.getString("subject_id"),
                row.getObject("due_on", java.time.LocalDate.class), row.getInt("days_left"),
                row.getString("plan_id"), row.getString("action_id"), row.getString("evaluation_id"),
                row.getString("subject_name"), row.getString("context_name"), row.getString("stage"),
                row.getString("step"), row.getString("link_path"), row.getTimestamp("created_at").toInstant(),
                read == null ? null : read.toInstant(), row.getString("mail"));
    }
}
