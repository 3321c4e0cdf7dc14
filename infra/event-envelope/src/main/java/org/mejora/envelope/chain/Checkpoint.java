package org.mejora.envelope.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A signed checkpoint: the chain heads that moved since the previous checkpoint. Its JWS payload is the canonical JSON
 * {@code {"form":1,"producer":..,"number":n,"previous":<SHA-256 of checkpoint n-1's compact JWS, or 64 zeros>,
 * "createdAt":..,"heads":[{"aggregateId":..,"sequence":..,"hash":..}]}}; checkpoints are numbered from 1 without gaps.
 */
public record Checkpoint(String producer, long number, String previous, String createdAt, List<Head> heads,
                         String keyId, String jws) {

    public record Head(String aggregateId, long sequence, String hash) {
    }

    /** The hash the next checkpoint names as {@code previous}. */
    public String hash() {
        return EventHash.sha256(jws.getBytes(StandardCharsets.US_ASCII));
    }

    static byte[] payload(String producer, long number, String previous, String createdAt, List<Head> heads) {
        ObjectNode body = ChainJson.MAPPER.createObjectNode();
        body.put("form", ChainedEvent.FORM);
        body.put("producer", producer);
        body.put("number", number);
        body.put("previous", previous);
        body.put("createdAt", createdAt);
        var list = body.putArray("heads");
        for (Head head : heads) {
            list.addObject().put("aggregateId", head.aggregateId()).put("sequence", head.sequence())
                    .put("hash", head.hash());
        }
        return CanonicalJson.bytes(body);
    }

    /** Reads a compact JWS without checking its signature (see {@link #verifiedBy}). */
    public static Checkpoint parse(String jws) {
        try {
            JWSObject object = JWSObject.parse(jws);
            JsonNode body = ChainJson.MAPPER.readTree(object.getPayload().toBytes());
            List<Head> heads = new ArrayList<>();
            for (JsonNode head : body.path("heads")) {
                heads.add(new Head(head.path("aggregateId").asText(), head.path("sequence").asLong(),
                        head.path("hash").asText()));
            }
            return new Checkpoint(body.path("producer").asText(), body.path("number").asLong(),
                    body.path("previous").asText(), body.path("createdAt").asText(), heads,
                    object.getHeader().getKeyID(), jws);
        } catch (ParseException | IOException e) {
            throw new IllegalArgumentException("not a checkpoint: " + e.getMessage(), e);
        }
    }

    /** Whether the signature verifies with this public key (a JWK's JSON) and names it as its key id. */
    public boolean verifiedBy(String publicJwk) {
        try {
            RSAKey key = RSAKey.parse(publicJwk);
            JWSObject object = JWSObject.parse(jws);
            return key.computeThumbprint().toString().equals(keyId)
                    && CheckpointSigner.TYPE.equals(object.getHeader().getType())
                    && object.verify(new RSASSAVerifier(key));
        } catch (ParseException | JOSEException e) {
            return false;
        }
    }
}
