package org.mejora.gateway;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;

/** A route to a port where nothing listens: a service that is down. */
@TestConfiguration
class UnreachableService {

    @Bean
    RouteLocator unreachable(RouteLocatorBuilder routes) {
        return routes.routes()
                .route("unreachable", route -> route.order(-1).path("/api/plans/unreachable/**")
                        .uri("http://127.0.0.1:" + GatewayUnderTest.NOTHING_LISTENS))
                .build();
    }
}
