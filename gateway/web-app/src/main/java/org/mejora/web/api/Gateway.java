package org.mejora.web.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.context.i18n.LocaleContextHolder;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The only way the screens reach Mejora: the gateway's API, with the signed-in user's access token (refreshed when
 * it expires) and language. A problem answer becomes an {@link ApiProblem}. Paths are relative to the gateway,
 * e.g. {@code get("/api/plans/{id}", planId)}; {@link #uri} builds one with query parameters.
 */
@Component
public class Gateway {

    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
    };
    /** The API's largest page, and how many of them a screen reads at most. */
    public static final int PAGE_SIZE = 200;
    static final int MAX_PAGES = 10;

    private final RestClient client;
    private final OAuth2AuthorizedClientManager tokens;
    private final JsonMapper json;
    private final String baseUrl;

    Gateway(RestClient.Builder builder, OAuth2AuthorizedClientManager tokens, JsonMapper json,
            @Value("${mejora.web.gateway-url}") String baseUrl) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.client = builder.baseUrl(this.baseUrl).build();
        this.tokens = tokens;
        this.json = json;
    }

    public Map<String, Object> get(String path, Object... variables) {
        return checked(call(HttpMethod.GET, path, null, null, variables)).body(OBJECT);
    }

    /**
     * Every item of a paged list ({@code {"items":[...],"page","size","total"}}), read page by page at the API's
     * largest size; a screen never shows more than {@link #MAX_PAGES} pages of it.
     */
    public List<Map<String, Object>> list(String path, Object... variables) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int page = 0; page < MAX_PAGES; page++) {
            Map<String, Object> answer = page(path, page, PAGE_SIZE, variables);
            List<Map<String, Object>> these = items(answer);
            items.addAll(these);
            long total = answer.get("total") instanceof Number number ? number.longValue() : items.size();
            if (these.isEmpty() || items.size() >= total) {
                break;
            }
        }
        return items;
    }

    /** One page of a paged list, as the API answers it. */
    public Map<String, Object> page(String path, int page, int size, Object... variables) {
        String paged = path + (path.contains("?") ? "&" : "?") + "page=" + page + "&size=" + size;
        return get(paged, variables);
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> items(Map<String, Object> page) {
        return page.get("items") instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    /** GET with the response's ETag, for forms that send it back as If-Match (a stale edit answers 409). */
    public ResponseEntity<Map<String, Object>> getVersioned(String path, Object... variables) {
        return checked(call(HttpMethod.GET, path, null, null, variables)).toEntity(OBJECT);
    }

    public Map<String, Object> post(String path, Object body, Object... variables) {
        return send(HttpMethod.POST, path, body, null, variables);
    }

    public Map<String, Object> put(String path, Object body, Object... variables) {
        return send(HttpMethod.PUT, path, body, null, variables);
    }

    public void delete(String path, Object... variables) {
        send(HttpMethod.DELETE, path, null, null, variables);
    }

    /** A write with a JSON body (or none) and, when known, the version the user saw ({@code If-Match}). */
    public Map<String, Object> send(HttpMethod method, String path, Object body, String ifMatch, Object... variables) {
        RestClient.RequestBodySpec request = call(method, path, ifMatch, MediaType.APPLICATION_JSON, variables);
        if (body != null) {
            request.body(body);
        }
        return checked(request).body(OBJECT);
    }

    /** Sends a file as the request body (imports). */
    public Map<String, Object> upload(String path, byte[] content, MediaType type, Object... variables) {
        return checked(call(HttpMethod.POST, path, null, type, variables).body(content)).body(OBJECT);
    }

    public Download download(String path, Object... variables) {
        ResponseEntity<byte[]> file = checked(call(HttpMethod.GET, path, null, null, variables)).toEntity(byte[].class);
        HttpHeaders headers = file.getHeaders();
        return new Download(file.getBody() == null ? new byte[0] : file.getBody(),
                headers.getContentType() == null ? MediaType.APPLICATION_OCTET_STREAM_VALUE
                        : headers.getContentType().toString(),
                headers.getFirst(HttpHeaders.CONTENT_DISPOSITION));
    }

    /** A path with query parameters; null and blank values are left out. */
    public static String uri(String path, Map<String, ?> query) {
        org.springframework.web.util.UriComponentsBuilder builder =
                org.springframework.web.util.UriComponentsBuilder.fromPath(path);
        query.forEach((name, value) -> {
            if (value != null && !value.toString().isBlank()) {
                builder.queryParam(name, value);
            }
        });
        return builder.encode().build().toUriString();
    }

    private RestClient.RequestBodySpec call(HttpMethod method, String path, String ifMatch, MediaType contentType,
                                            Object... variables) {
        // A path from uri(...) is encoded already; a template is expanded and encoded here.
        RestClient.RequestBodySpec request = variables.length == 0
                ? client.method(method).uri(URI.create(baseUrl + path))
                : client.method(method).uri(path, variables);
        request.headers(headers -> {
            headers.setBearerAuth(accessToken());
            headers.set(HttpHeaders.ACCEPT_LANGUAGE, LocaleContextHolder.getLocale().toLanguageTag());
            headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON,
                    MediaType.ALL));
            if (contentType != null) {
                headers.setContentType(contentType);
            }
            if (ifMatch != null) {
                headers.setIfMatch(ifMatch);
            }
        });
        return request;
    }

    private String accessToken() {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        ServletRequestAttributes current = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
        HttpServletRequest request = current.getRequest();
        HttpServletResponse response = current.getResponse();
        OAuth2AuthorizedClient authorized = tokens.authorize(OAuth2AuthorizeRequest.withClientRegistrationId("mejora")
                .principal(user)
                .attribute(HttpServletRequest.class.getName(), request)
                .attribute(HttpServletResponse.class.getName(), response)
                .build());
        // Without a refresh token (a public client of some issuers) an expired token means signing in again.
        if (authorized == null || authorized.getAccessToken().getExpiresAt() != null
                && authorized.getAccessToken().getExpiresAt().isBefore(java.time.Instant.now())) {
            throw new SignInRequired();
        }
        return authorized.getAccessToken().getTokenValue();
    }

    /** The answer, or the problem it states as an {@link ApiProblem}. */
    private RestClient.ResponseSpec checked(RestClient.RequestHeadersSpec<?> request) {
        return request.retrieve().onStatus(HttpStatusCode::isError, this::raise);
    }

    private void raise(org.springframework.http.HttpRequest request,
                       org.springframework.http.client.ClientHttpResponse response) throws java.io.IOException {
        throw problem(response.getStatusCode().value(), response.getBody().readAllBytes());
    }

    @SuppressWarnings("unchecked")
    private ApiProblem problem(int status, byte[] body) {
        Map<String, Object> parsed;
        try {
            parsed = body.length == 0 ? Map.of() : json.readValue(body, Map.class);
        } catch (RuntimeException notJson) {
            parsed = Map.of("detail", new String(body, java.nio.charset.StandardCharsets.UTF_8));
        }
        return ApiProblem.fromService(status, parsed);
    }
}
