package org.mejora.contract;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
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
        ProblemDetail badType = badContentType(request.getContentType(), locale);
        if (badType != null) {
            write(request, response, badType);
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

    /** A wildcard or unreadable Content-Type says nothing of the body: Spring MVC could not even look at it. */
    private ProblemDetail badContentType(String contentType, Locale locale) {
        if (contentType == null) {
            return null;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            if (!type.isWildcardType() && !type.isWildcardSubtype()) {
                return null;
            }
        } catch (InvalidMediaTypeException unreadable) {
            // refused below
        }
        return Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "media-type.unsupported", "Content-Type",
                messages.message("media-type.unsupported", new Object[]{contentType, "application/json"}, locale));
    }

    /** Percent-decoding as the container does it, but refusing bytes that are not UTF-8 instead of failing later. */
    static String decode(String encoded) {
        byte[] bytes = new byte[encoded.length()];
        int length = 0;
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                if (i + 2 >= encoded.length()) {
                    throw new IllegalArgumentException("incomplete escape");
                }
                int high = Character.digit(encoded.charAt(i + 1), 16);
                int low = Character.digit(encoded.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw new IllegalArgumentException("bad escape");
                }
                bytes[length++] = (byte) (high * 16 + low);
                i += 2;
            } else if (c == '+') {
                bytes[length++] = ' ';
            } else if (c > 0x7F) {
                throw new IllegalArgumentException("raw non-ASCII character");
            } else {
                bytes[length++] = (byte) c;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, length)).toString();
        } catch (CharacterCodingException notUtf8) {
            throw new IllegalArgumentException("not UTF-8", notUtf8);
        }
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
                name = decode(rawName);
                value = equals < 0 ? "" : decode(pair.substring(equals + 1));
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
