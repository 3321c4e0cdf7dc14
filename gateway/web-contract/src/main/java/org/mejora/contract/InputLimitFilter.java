package org.mejora.contract;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * What is refused before anything is parsed: a body larger than the limit (413, from its Content-Length at once,
 * or as soon as a body without one grows past it) and query parameters with control characters or broken
 * percent-encoding (400 naming the parameter).
 */
public class InputLimitFilter extends OncePerRequestFilter {

    private final long maxBodyBytes;
    private final ProblemMessages messages;
    private final ProblemWriter writer;

    public InputLimitFilter(long maxBodyBytes, ProblemMessages messages) {
        this.maxBodyBytes = maxBodyBytes;
        this.messages = messages;
        this.writer = new ProblemWriter(messages);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Locale locale = ProblemMessages.locale(request);
        if (request.getContentLengthLong() > maxBodyBytes) {
            write(request, response, tooLarge(locale));
            return;
        }
        ProblemDetail badQuery = badQuery(request.getQueryString(), locale);
        if (badQuery != null) {
            write(request, response, badQuery);
            return;
        }
        chain.doFilter(new Bounded(request, maxBodyBytes), response);
    }

    ProblemDetail tooLarge(Locale locale) {
        return Problems.of(HttpStatus.CONTENT_TOO_LARGE, "body.too-large", null,
                messages.message("body.too-large", new Object[]{megabytes(maxBodyBytes)}, locale));
    }

    private ProblemDetail badQuery(String query, Locale locale) {
        if (query == null || query.isEmpty()) {
            return null;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String rawName = equals < 0 ? pair : pair.substring(0, equals);
            String name;
            String value;
            try {
                name = URLDecoder.decode(rawName, StandardCharsets.UTF_8);
                value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException brokenEncoding) {
                return Problems.of(HttpStatus.BAD_REQUEST, "parameter.encoding", rawName,
                        messages.message("parameter.encoding", new Object[]{rawName}, locale));
            }
            if (StrictJson.controlCharacter(name) >= 0 || StrictJson.controlCharacter(value) >= 0
                    || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0 || value.indexOf('\t') >= 0) {
                String field = StrictJson.controlCharacter(name) >= 0 ? rawName : name;
                return Problems.of(HttpStatus.BAD_REQUEST, "parameter.characters", field,
                        messages.message("parameter.characters", new Object[]{field}, locale));
            }
        }
        return null;
    }

    private void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        // The body is not read: the connection closes rather than drain a body that is refused anyway.
        if (problem.getStatus() == HttpStatus.CONTENT_TOO_LARGE.value()) {
            response.setHeader("Connection", "close");
        }
        writer.write(request, response, problem);
    }

    static String megabytes(long bytes) {
        long mb = bytes / (1024 * 1024);
        return mb * 1024 * 1024 == bytes ? mb + " MB" : bytes + " B";
    }

    /** A body that grew past the limit while it was read (it had no Content-Length, or a false one). */
    public static final class BodyTooLarge extends IOException {

        BodyTooLarge(long limit) {
            super("request body larger than " + limit + " bytes");
        }
    }

    private static final class Bounded extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        Bounded(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream(), limit);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class Counting extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long read;

        Counting(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLarge {
            read += n;
            if (read > limit) {
                throw new BodyTooLarge(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
