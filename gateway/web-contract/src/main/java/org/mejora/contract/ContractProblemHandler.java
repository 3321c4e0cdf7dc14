package org.mejora.contract;

import jakarta.validation.ConstraintViolationException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The problems of the input contract, which every service answers alike: malformed JSON (naming the field path and
 * the rule), missing or invalid parameters, unsupported media types, broken multipart bodies, wrong methods, unknown
 * paths, bodies too large; and the rules of the domain ({@link RuleViolation}, {@link NotFound}, {@link Forbidden}),
 * each answered with the service's message of its rule. Each service's own handler extends this one with its
 * domain's problems and builds them with {@link #problem}.
 */
public abstract class ContractProblemHandler extends ResponseEntityExceptionHandler {

    private final ProblemMessages messages;
    private final long maxBodyBytes;

    protected ContractProblemHandler(ProblemMessages messages, WebContractProperties limits) {
        this.messages = messages;
        this.maxBodyBytes = limits.maxBodySize().toBytes();
    }

    protected final ProblemMessages messages() {
        return messages;
    }

    /** A problem with one error, its message the rule's in the caller's language. */
    protected ProblemDetail problem(HttpStatusCode status, String rule, String field, Object... arguments) {
        return Problems.of(status, rule, field, messages.message(rule, arguments));
    }

    /** A rule of the domain: 409 against the current state, 422 in the content, 403 not the person's step. */
    @ExceptionHandler
    ProblemDetail ruleViolated(RuleViolation violation) {
        HttpStatus status = switch (violation.kind()) {
            case ILLEGAL_TRANSITION -> HttpStatus.CONFLICT;
            case INVALID -> HttpStatus.UNPROCESSABLE_CONTENT;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
        };
        return problem(status, violation.rule(), violation.field(), violation.arguments());
    }

    @ExceptionHandler
    ProblemDetail notFound(NotFound e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", null);
    }

    /** The reason a handler gives is for the log; the caller reads the rule in their language. */
    @ExceptionHandler
    ProblemDetail forbidden(Forbidden e) {
        ProblemDetail problem = problem(HttpStatus.FORBIDDEN, "forbidden", null);
        problem.setProperty("reason", e.getMessage());
        return problem;
    }

    @ExceptionHandler
    ResponseEntity<Object> inputRejected(InputRejected rejected) {
        return answer(problem(rejected.status(), rejected.rule(), rejected.field(), rejected.arguments()));
    }

    /** A multipart body without a boundary, or cut short. */
    @ExceptionHandler
    ResponseEntity<Object> multipartBroken(MultipartException broken) {
        if (broken instanceof MaxUploadSizeExceededException || causedBy(broken, InputLimitFilter.BodyTooLarge.class)) {
            return answer(tooLarge());
        }
        return answer(problem(HttpStatus.BAD_REQUEST, "multipart.malformed", null));
    }

    @ExceptionHandler
    ResponseEntity<Object> constraintsViolated(ConstraintViolationException violated) {
        List<InputError> errors = violated.getConstraintViolations().stream()
                .map(v -> new InputError(lastNode(v.getPropertyPath().toString()),
                        "validation." + v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName(),
                        v.getMessage()))
                .toList();
        return answer(Problems.of(HttpStatus.BAD_REQUEST, messages.message("request.invalid"), errors));
    }

    /**
     * The database away, busy or locked under the request (a restart, a failover, a deadlock, no connection free in
     * time): a 503 with Retry-After tells the client to try again shortly, where a 500 would say the request broke
     * the service. Any other failure goes on to the servlet's error page, as before.
     */
    @ExceptionHandler
    ResponseEntity<Object> storageUnavailable(RuntimeException failure) {
        if (!TransientStorageFailure.causedIt(failure)) {
            throw failure;
        }
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "2")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "server.storage-unavailable", null));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ProblemDetail problem = describe(ex, statusCode);
        HttpHeaders answered = new HttpHeaders();
        if (headers != null) {
            answered.putAll(headers);
        }
        answered.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return createResponseEntity(problem, answered, HttpStatusCode.valueOf(problem.getStatus()), request);
    }

    private ResponseEntity<Object> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private ProblemDetail describe(Exception ex, HttpStatusCode status) {
        if (ex instanceof HttpMessageNotReadableException unreadable) {
            return unreadable(unreadable);
        }
        if (ex instanceof MethodArgumentNotValidException invalid) {
            return invalid(invalid);
        }
        if (ex instanceof HandlerMethodValidationException invalid) {
            return invalid(invalid);
        }
        if (ex instanceof MissingServletRequestParameterException missing) {
            return problem(status, "parameter.missing", missing.getParameterName(), missing.getParameterName());
        }
        if (ex instanceof MissingServletRequestPartException missing) {
            return problem(status, "parameter.missing", missing.getRequestPartName(), missing.getRequestPartName());
        }
        if (ex instanceof TypeMismatchException mismatch) {
            return mismatch(mismatch, status);
        }
        if (ex instanceof HttpRequestMethodNotSupportedException method) {
            String[] supported = method.getSupportedMethods();
            return problem(status, "method.not-allowed", null, method.getMethod(),
                    String.join(", ", supported == null ? new String[0] : supported));
        }
        if (ex instanceof HttpMediaTypeNotSupportedException media) {
            return problem(status, "media-type.unsupported", "Content-Type",
                    media.getContentType() == null ? "—" : media.getContentType().toString(),
                    MediaType.toString(media.getSupportedMediaTypes()));
        }
        if (ex instanceof HttpMediaTypeNotAcceptableException media) {
            return problem(status, "media-type.not-acceptable", "Accept",
                    MediaType.toString(media.getSupportedMediaTypes()));
        }
        if (ex instanceof NoResourceFoundException || ex instanceof NoHandlerFoundException) {
            return problem(status, "path.unknown", null);
        }
        if (ex instanceof MaxUploadSizeExceededException) {
            return tooLarge();
        }
        return status.is5xxServerError()
                ? problem(status, "server.failed", null)
                : problem(status, "request.rejected", null, status.value());
    }

    private ProblemDetail tooLarge() {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "body.too-large", null,
                InputLimitFilter.megabytes(maxBodyBytes));
    }

    private ProblemDetail unreadable(HttpMessageNotReadableException unreadable) {
        if (causedBy(unreadable, InputLimitFilter.BodyTooLarge.class)) {
            return tooLarge();
        }
        Throwable cause = unreadable.getCause();
        if (cause == null) {
            return problem(HttpStatus.BAD_REQUEST, "json.body-missing", null);
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            return problem(HttpStatus.BAD_REQUEST, "json.unknown-field", field, field);
        }
        if (cause instanceof InvalidNullException nulled) {
            String field = path(nulled);
            return problem(HttpStatus.BAD_REQUEST, "json.null", field, field);
        }
        if (cause instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            String field = path(mismatched);
            Class<?> target = mismatched.getTargetType();
            if (target.isEnum()) {
                return problem(HttpStatus.BAD_REQUEST, "json.enum", field, field, values(target));
            }
            if (target == LocalDate.class || Temporal.class.isAssignableFrom(target)) {
                return problem(HttpStatus.BAD_REQUEST, "json.date", field, field,
                        StrictJson.FIRST_YEAR, StrictJson.LAST_YEAR);
            }
            if (target == String.class && cause instanceof InvalidFormatException) {
                return problem(HttpStatus.BAD_REQUEST, "json.characters", field, field);
            }
            if (integral(target)) {
                return problem(HttpStatus.BAD_REQUEST, "json.integer", field, field);
            }
            return problem(HttpStatus.BAD_REQUEST, "json.type", field, field, typeWord(target));
        }
        if (cause instanceof StreamReadException syntax) {
            String at = syntax.getLocation() == null ? "—"
                    : syntax.getLocation().getLineNr() + ":" + syntax.getLocation().getColumnNr();
            return problem(HttpStatus.BAD_REQUEST, "json.malformed", null, at);
        }
        if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            String field = path(jackson);
            return problem(HttpStatus.BAD_REQUEST, "json.invalid", field, field);
        }
        return problem(HttpStatus.BAD_REQUEST, "json.malformed", null, "—");
    }

    private ProblemDetail invalid(MethodArgumentNotValidException invalid) {
        List<InputError> errors = new ArrayList<>();
        for (FieldError error : invalid.getBindingResult().getFieldErrors()) {
            errors.add(new InputError(error.getField(), "validation." + error.getCode(), messages.message(error)));
        }
        invalid.getBindingResult().getGlobalErrors().forEach(error ->
                errors.add(new InputError(null, "validation." + error.getCode(), messages.message(error))));
        return Problems.of(HttpStatus.BAD_REQUEST, messages.message("request.invalid"), errors);
    }

    private ProblemDetail invalid(HandlerMethodValidationException invalid) {
        List<InputError> errors = new ArrayList<>();
        invalid.getParameterValidationResults().forEach(result -> {
            String field = result.getMethodParameter().getParameterName();
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                String[] codes = error.getCodes();
                String constraint = codes == null || codes.length == 0 ? "invalid" : codes[codes.length - 1];
                errors.add(new InputError(field, "validation." + constraint, messages.message(error)));
            }
        });
        return Problems.of(HttpStatus.BAD_REQUEST, messages.message("request.invalid"), errors);
    }

    private ProblemDetail mismatch(TypeMismatchException mismatch, HttpStatusCode status) {
        String field = mismatch.getPropertyName();
        Class<?> target = mismatch.getRequiredType();
        if (target == null) {
            return problem(status, "parameter.type", field, field, typeWord(String.class));
        }
        if (target.isEnum()) {
            return problem(status, "parameter.enum", field, field, values(target));
        }
        if (target == LocalDate.class || Temporal.class.isAssignableFrom(target)) {
            return problem(status, "parameter.date", field, field, StrictJson.FIRST_YEAR, StrictJson.LAST_YEAR);
        }
        if (integral(target)) {
            return problem(status, "parameter.integer", field, field);
        }
        return problem(status, "parameter.type", field, field, typeWord(target));
    }

    private String typeWord(Class<?> type) {
        String word;
        if (type == String.class || CharSequence.class.isAssignableFrom(type)) {
            word = "type.text";
        } else if (integral(type)) {
            word = "type.integer";
        } else if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            word = "type.number";
        } else if (type == boolean.class || type == Boolean.class) {
            word = "type.boolean";
        } else if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            word = "type.list";
        } else {
            word = "type.object";
        }
        return messages.message(word);
    }

    private static boolean integral(Class<?> type) {
        return type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class || type == java.math.BigInteger.class;
    }

    private static String values(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
    }

    /** The JSON path of the failure, as {@code findings[0].actions[2].tasks}. */
    static String path(JacksonException failure) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : failure.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : path.toString();
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> kind) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (kind.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
