package org.mejora.contract;

/**
 * Which page of a list a client asked for: {@code page} from 0, {@code size} from 1 to {@link #MAX_SIZE}
 * ({@link #DEFAULT_SIZE} when absent). Anything else is a 400 naming the parameter.
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;

    public static PageRequest of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0) {
            throw InputRejected.badRequest("page", "page.negative", p);
        }
        if (s < 1 || s > MAX_SIZE) {
            throw InputRejected.badRequest("size", "page.size", s, MAX_SIZE);
        }
        return new PageRequest(p, s);
    }

    public long offset() {
        return (long) page * size;
    }
}
