package org.caart.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PagedModelTest {

    /** A boundary of 45 rows that records each call. */
    static final class Calls implements PagedModel.Pager<Integer> {
        final List<String> calls = new ArrayList<>();

        @Override
        public PagedModel.Slice<Integer> slice(int first, int max, PagedModel.Sort sort) {
            calls.add(first + "+" + max);
            return new PagedModel.Slice<>(IntStream.range(first, Math.min(45, first + max)).boxed().toList(), 45);
        }
    }

    @Test
    void aPageReadByThePollIsShownWithoutAnotherCall() {
        Calls boundary = new Calls();
        PagedModel<Integer> model = new PagedModel<>(20, boundary, String::valueOf);
        model.preload(List.of(0, 1, 2), 45);
        assertEquals(45, model.count(Map.of()));
        assertEquals(List.of(0, 1, 2), model.load(0, 20, Map.of(), Map.of()));
        assertEquals(List.of(), boundary.calls);
    }

    @Test
    void eachOtherPageIsOneCallThatAlsoCounts() {
        Calls boundary = new Calls();
        PagedModel<Integer> model = new PagedModel<>(20, boundary, String::valueOf);
        assertEquals(45, model.count(Map.of()));
        assertEquals(20, model.load(0, 20, Map.of(), Map.of()).size());
        assertEquals(List.of("0+20"), boundary.calls, "count and the first page: one call");
        List<Integer> last = model.load(40, 20, Map.of(), Map.of());
        model.setWrappedData(last);
        assertEquals(List.of(40, 41, 42, 43, 44), last);
        assertEquals(List.of("0+20", "40+20"), boundary.calls);
        assertEquals(40, model.first(), "a poll reads the page the table stands on");
        assertEquals("42", model.getRowKey(model.getRowData("42")));
    }
}
