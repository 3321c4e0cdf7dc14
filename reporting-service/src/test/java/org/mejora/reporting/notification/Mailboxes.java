package org.mejora.reporting.notification;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import org.mejora.testing.Api;
import org.mejora.testing.TestInfrastructure;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** What the test run's GreenMail (infra/mail.sh) delivered to an address, read through its REST API. */
final class Mailboxes {

    record Mail(String subject, String body) {
    }

    private Mailboxes() {
    }

    static List<Mail> of(String address) {
        Api.Response answer = Api.at(TestInfrastructure.get().mailApiUrl())
                .get("/api/user/" + address + "/messages/INBOX");
        if (answer.status() != 200) {
            return List.of();
        }
        List<Mail> mails = new ArrayList<>();
        for (JsonNode message : answer.json()) {
            mails.add(parse(message.path("mimeMessage").asText()));
        }
        return mails;
    }

    static Mail parse(String mime) {
        try {
            MimeMessage message = new MimeMessage(jakarta.mail.Session.getInstance(new Properties()),
                    new ByteArrayInputStream(mime.getBytes(StandardCharsets.UTF_8)));
            return new Mail(MimeUtility.decodeText(message.getSubject()), String.valueOf(message.getContent()));
        } catch (Exception e) {
            throw new IllegalStateException("not a mail: " + mime, e);
        }
    }
}
