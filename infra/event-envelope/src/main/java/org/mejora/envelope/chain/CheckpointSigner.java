package org.mejora.envelope.chain;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/** Signs checkpoints (JWS, RS256) with the producer's RSA key; the key id is the key's RFC 7638 thumbprint. */
public final class CheckpointSigner {

    public static final JOSEObjectType TYPE = new JOSEObjectType("mejora-checkpoint+json");

    private final RSAKey key;

    public CheckpointSigner(RSAKey key) {
        this.key = key;
    }

    /** @param location a PKCS#8 PEM file, as {@code file:/path} or a plain path */
    public static CheckpointSigner fromPem(String location) {
        Path path = Path.of(location.startsWith("file:") ? location.substring("file:".length()) : location);
        try {
            String pem = Files.readString(path).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
            RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(
                    new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            return new CheckpointSigner(new RSAKey.Builder(publicKey).privateKey(privateKey)
                    .keyIDFromThumbprint().build());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the checkpoint signing key " + path, e);
        } catch (GeneralSecurityException | JOSEException | ClassCastException e) {
            throw new IllegalArgumentException("the checkpoint signing key " + path + " is not an RSA PKCS#8 key", e);
        }
    }

    public String keyId() {
        return key.getKeyID();
    }

    /** The public half as a JWK (JSON), for auditors. */
    public String publicJwk() {
        return key.toPublicJWK().toJSONString();
    }

    public String sign(byte[] payload) {
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(TYPE)
                .build(), new Payload(payload));
        try {
            jws.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a checkpoint", e);
        }
        return jws.serialize();
    }
}
