package org.mejora.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** The RSA key with which services under test sign their history checkpoints: made once per JVM, never committed. */
public final class TestHistoryKey {

    private static String location;

    private TestHistoryKey() {
    }

    /** {@code file:} and the path of a PKCS#8 PEM file. */
    public static synchronized String location() {
        if (location == null) {
            try {
                KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
                rsa.initialize(2048);
                String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(
                        rsa.generateKeyPair().getPrivate().getEncoded());
                Path file = Files.createTempFile("mejora-history-", ".pem");
                file.toFile().deleteOnExit();
                Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n");
                location = "file:" + file;
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has RSA", e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return location;
    }
}
