package org.lettersvisits.problem;

/**
 * A page of a list as a request asks for it: {@code page} from 0, {@code size} from 1 to 100. A list reaches
 * its first {@value #REACH} items by paging; a page beyond them is refused (narrow the search instead), as is
 * a larger size, so no request makes the database count past what anyone reads.
 */
public record Paging(int page, int size) {

    public static final int MAX_SIZE = 100;
    public static final int REACH = 10_000;

    /** The page and size of query parameters (or a body), {@code defaultSize} when no size is given. */
    public static Paging of(String page, String size, int defaultSize) {
        int number = QueryParams.integer("page", page, 0, 0, Integer.MAX_VALUE);
        int items = QueryParams.integer("size", size, defaultSize, 1, MAX_SIZE);
        if ((long) number * items >= REACH) {
            throw new InvalidField("page", "a list is paged through its first " + REACH + " items; narrow the search");
        }
        return new Paging(number, items);
    }

    /** The same from numbers (a JSON body). */
    public static Paging of(Integer page, Integer size, int defaultSize) {
        return of(page == null ? null : page.toString(), size == null ? null : size.toString(), defaultSize);
    }

    public long offset() {
        return (long) page * size;
    }
}
