package org.mejora.idp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The OpenID Connect provider of the local run and the tests: the demo users of {@code infra/demo/users.tsv}, each
 * with their {@code institution} and {@code roles} claims, signing with the local key pair of {@code infra/token.sh}.
 * The web app signs in through it exactly as it signs in through an institution's Keycloak.
 */
@SpringBootApplication
public class LocalIdentityProvider {

    public static void main(String[] args) {
        SpringApplication.run(LocalIdentityProvider.class, args);
    }
}
