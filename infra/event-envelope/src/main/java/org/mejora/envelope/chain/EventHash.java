package org.mejora.envelope.chain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 in lowercase hex, and the hash an aggregate's first event chains to. */
public final class EventHash {

    /** The "previous hash" of an aggregate's event 0. */
    public static final String GENESIS = "0".repeat(64);

    private EventHash() {
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public static byte[] raw(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    public static String hex(byte[] raw) {
        return raw == null ? null : HexFormat.of().formatHex(raw);
    }
}
