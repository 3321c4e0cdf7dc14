package org.mejora.gateway;

import org.mejora.identity.IdentityHeaders;
import org.springframework.context.MessageSource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The RFC 9457 problems the gateway answers itself (401, 403, 429, 503...), in the user's language (Spanish unless
 * the request asks for English) and with the request's correlation id, so a user's report can be found in the logs.
 */
@Component
class Problems {

    private static final Locale SPANISH = Locale.forLanguageTag("es");

    private final MessageSource messages;

    Problems(MessageSource messages) {
        this.messages = messages;
    }

    Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String messageCode, Object... arguments) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        String correlationId = IncomingRequestFilter.of(exchange);
        String detail = quote(messages.getMessage(messageCode, arguments, locale(exchange)));
        // The rule is the message code without its "problem." prefix, as the services name theirs.
        String rule = quote(messageCode.startsWith("problem.") ? messageCode.substring("problem.".length())
                : messageCode);
        String body = "{\"type\":\"about:blank\",\"title\":" + quote(status.getReasonPhrase())
                + ",\"status\":" + status.value()
                + ",\"detail\":" + detail
                + ",\"instance\":" + quote(exchange.getRequest().getPath().value())
                + ",\"rule\":" + rule
                + ",\"errors\":[{\"field\":null,\"rule\":" + rule + ",\"message\":" + detail + "}]"
                + (correlationId == null ? "" : ",\"correlationId\":" + quote(correlationId))
                + "}";
        if (correlationId != null) {
            response.getHeaders().set(IdentityHeaders.CORRELATION_ID, correlationId);
        }
        DataBuffer buffer = response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(buffer));
    }

    private static Locale locale(ServerWebExchange exchange) {
        Locale asked = exchange.getLocaleContext().getLocale();
        return asked == null ? SPANISH : asked;
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
