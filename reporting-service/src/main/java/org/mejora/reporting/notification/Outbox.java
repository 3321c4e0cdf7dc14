package org.mejora.reporting.notification;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Sends the outbox's mail over SMTP. Rows are locked while they are sent, so two instances never send the same one;
 * a failed send (the server is down) is retried later, waiting twice as long each time up to a limit, and nothing
 * is dropped. A mail the server accepted just before this instance died is sent again: at least once, never lost.
 */
@Component
class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);
    private static final int BATCH = 50;

    record Row(long id, String address, String subject, String body, int attempts) {
    }

    record Sent(int sent, int failed) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final JavaMailSender sender;
    private final NotificationSettings settings;
    private final Clock clock;

    Outbox(JdbcClient jdbc, TransactionTemplate transaction, JavaMailSender sender, NotificationSettings settings,
           Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.sender = sender;
        this.settings = settings;
        this.clock = clock;
    }

    /** Sends what is due; {@code evenIfWaiting} also tries the rows waiting out a back-off (an operator's run). */
    Sent send(boolean evenIfWaiting) {
        int sent = 0;
        int failed = 0;
        while (true) {
            Sent batch = transaction.execute(status -> batch(evenIfWaiting));
            sent += batch.sent();
            failed += batch.failed();
            // A failure means the server is unwell: the rest waits for the next round.
            if (batch.sent() + batch.failed() < BATCH || batch.failed() > 0) {
                return new Sent(sent, failed);
            }
        }
    }

    long unsent() {
        return jdbc.sql("select count(*) from notification_outbox where sent_at is null").query(Long.class).single();
    }

    private Sent batch(boolean evenIfWaiting) {
        Instant now = Instant.now(clock);
        List<Row> rows = jdbc.sql("""
                        select id, address, subject, body, attempts from notification_outbox
                        where sent_at is null and (:all or next_attempt_at is null or next_attempt_at <= :now)
                        order by id limit :limit for update skip locked""")
                .param("all", evenIfWaiting).param("now", Timestamp.from(now)).param("limit", BATCH)
                .query((row, n) -> new Row(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getInt(5)))
                .list();
        int sent = 0;
        for (Row row : rows) {
            try {
                deliver(row);
                jdbc.sql("update notification_outbox set sent_at = ?, attempts = attempts + 1, last_error = null where id = ?")
                        .params(Timestamp.from(Instant.now(clock)), row.id()).update();
                sent++;
            } catch (MailException | jakarta.mail.MessagingException e) {
                Duration wait = backOff(row.attempts() + 1);
                log.warn("mail {} to {} not sent (attempt {}), next try in {}: {}", row.id(), row.address(),
                        row.attempts() + 1, wait, e.getMessage());
                jdbc.sql("""
                                update notification_outbox set attempts = attempts + 1, next_attempt_at = ?, last_error = ?
                                where id = ?""")
                        .params(Timestamp.from(now.plus(wait)), String.valueOf(e.getMessage()), row.id()).update();
                return new Sent(sent, 1);
            }
        }
        return new Sent(sent, 0);
    }

    private void deliver(Row row) throws jakarta.mail.MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
        helper.setFrom(new InternetAddress(settings.from()));
        helper.setTo(row.address());
        helper.setSubject(row.subject());
        helper.setText(row.body(), false);
        sender.send(message);
    }

    private Duration backOff(int attempts) {
        Duration wait = settings.retryFirst().multipliedBy(1L << Math.min(attempts - 1, 20));
        return wait.compareTo(settings.retryMax()) > 0 ? settings.retryMax() : wait;
    }
}
