package org.mejora.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Mejora's screens. A backend-for-frontend: users sign in with OpenID Connect, their tokens stay in the server-side
 * session, and every page is rendered from the gateway's API, which the app calls with the user's token.
 */
@SpringBootApplication
public class WebApplication {

    public static void main(String[] args) {
        SpringApplication.run(WebApplication.class, args);
    }
}
