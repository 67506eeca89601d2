package org.caart.web;

import jakarta.faces.component.UIData;
import jakarta.faces.context.FacesContext;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * A lazily paged table backed by a boundary's paged, counted query: each page is one boundary call. A page read
 * beforehand (the poll's one call also brings the page on screen) is {@link #preload preloaded} and used as is.
 */
public class PagedModel<T> extends LazyDataModel<T> {

    private static final long serialVersionUID = 1L;

    /** One page from {@code first}, at most {@code max} rows, and the count of all. */
    public record Slice<T>(List<T> rows, long count) implements Serializable {
    }

    /** A column to sort by (the field named in the column's {@code field} or {@code sortBy}), or none. */
    public record Sort(String field, boolean ascending) implements Serializable {
    }

    /** The boundary call; {@code sort} is null unless the table sorts by a column. */
    public interface Pager<T> extends Serializable {
        Slice<T> slice(int first, int max, Sort sort);
    }

    /** A row's key for selection and row expansion. */
    public interface Key<T> extends Serializable {
        String of(T row);
    }

    private final Pager<T> pager;
    private final Key<T> key;
    private int first;
    private int max;
    private Sort sort;
    private Slice<T> pending;

    public PagedModel(int pageSize, Pager<T> pager, Key<T> key) {
        this.pager = pager;
        this.key = key;
        this.max = pageSize;
        setPageSize(pageSize);
    }

    /** The column the table sorts by, if any. */
    public Sort sort() {
        return sort;
    }

    /** Where the table stands: the page a poll should read. */
    public int first() {
        return first;
    }

    public int max() {
        return max;
    }

    /** The page at {@link #first()} read by the caller; the table shows it without another call. */
    public void preload(List<T> rows, long count) {
        pending = new Slice<>(rows, count);
        setRowCount((int) Math.min(Integer.MAX_VALUE, count));
    }

    /** Back to the first page (a new filter). */
    public void reset() {
        first = 0;
        pending = null;
    }

    /** Back to the first page, the table ({@code :form:table}) too, so that it asks for that page. */
    public void reset(String tableId) {
        reset();
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces != null && faces.getViewRoot() != null
                && faces.getViewRoot().findComponent(tableId) instanceof UIData table) {
            table.setFirst(0);
        }
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        if (pending == null) {
            pending = pager.slice(first, max, sort);
        }
        return (int) Math.min(Integer.MAX_VALUE, pending.count());
    }

    @Override
    public List<T> load(int from, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        Sort wanted = sortBy == null ? null : sortBy.values().stream().filter(m -> m.getOrder() != null
                        && !m.getOrder().isUnsorted()).findFirst()
                .map(m -> new Sort(m.getField(), m.getOrder().isAscending())).orElse(null);
        boolean same = wanted == null ? sort == null : wanted.equals(sort);
        sort = wanted;
        Slice<T> slice = pending != null && same && from == first && pageSize == max ? pending
                : pager.slice(from, pageSize, wanted);
        pending = null;
        first = from;
        max = pageSize;
        setRowCount((int) Math.min(Integer.MAX_VALUE, slice.count()));
        return slice.rows();
    }

    @Override
    public String getRowKey(T row) {
        return key.of(row);
    }

    @Override
    public T getRowData(String rowKey) {
        List<T> rows = getWrappedData();
        return rows == null ? null : rows.stream().filter(r -> key.of(r).equals(rowKey)).findFirst().orElse(null);
    }
}
