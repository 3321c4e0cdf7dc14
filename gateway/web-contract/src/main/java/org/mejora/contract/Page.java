package org.mejora.contract;

import java.util.List;
import java.util.function.Function;

/** The one shape of every list an API answers: the items of one page, which page, its size and the total. */
public record Page<T>(List<T> items, int page, int size, long total) {

    /** One page of a list already held whole (and therefore small enough to hold). */
    public static <T> Page<T> of(List<T> all, PageRequest request) {
        int from = (int) Math.min(request.offset(), all.size());
        int to = Math.min(from + request.size(), all.size());
        return new Page<>(List.copyOf(all.subList(from, to)), request.page(), request.size(), all.size());
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total);
    }
}
