package org.mejora.gateway;

import org.junit.jupiter.api.Test;
import org.mejora.testing.Api;

import static org.assertj.core.api.Assertions.assertThat;

/** A browser opening Mejora reaches the web app, which signs users in itself; the API still wants a token. */
class WebAppRouteIT extends GatewayUnderTest {

    @Test
    void everyPathOutsideTheApiGoesToTheWebAppWithoutAToken() {
        for (String path : new String[]{"/", "/plans/p-1", "/login/oauth2/code/mejora", "/css/mejora.css"}) {
            Api.Response response = gateway().get(path);

            // The stub web app answers "untrusted": the request reached it, carrying no identity of the gateway's.
            assertThat(response.status()).as(path).isEqualTo(401);
            assertThat(response.text()).as(path).contains("untrusted");
            assertThat(response.header("WWW-Authenticate")).as(path).isNull();
        }
    }

    @Test
    void theApiStillRefusesARequestWithoutAToken() {
        Api.Response response = gateway().get("/api/plans");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }
}
