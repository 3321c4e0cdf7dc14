package org.mejora.verifier;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;

/** A public key the auditor pins: a JWK (JSON) or a PEM public key file. */
final class Keys {

    private Keys() {
    }

    /** The key as a public JWK's JSON, with its thumbprint as key id. */
    static String publicJwk(Path file) {
        try {
            String text = Files.readString(file).trim();
            if (text.startsWith("{")) {
                RSAKey key = JWK.parse(text).toRSAKey().toPublicJWK();
                return new RSAKey.Builder(key).keyIDFromThumbprint().build().toJSONString();
            }
            RSAKey key = new RSAKey.Builder((RSAPublicKey) JWK.parseFromPEMEncodedObjects(text).toRSAKey()
                    .toPublicKey()).keyIDFromThumbprint().build();
            return key.toJSONString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the public key " + file, e);
        } catch (ParseException | JOSEException | ClassCastException e) {
            throw new IllegalArgumentException("not an RSA public key (JWK or PEM): " + file, e);
        }
    }

    static String keyId(String publicJwk) {
        try {
            return RSAKey.parse(publicJwk).computeThumbprint().toString();
        } catch (ParseException | JOSEException e) {
            throw new IllegalArgumentException("not an RSA JWK", e);
        }
    }
}
