package io.netbench.cli;

import java.util.List;
import java.util.Map;

/** Walks a parsed YAML or JSON tree: map keys and list indexes, null where a step is missing. */
final class Tree {
    private Tree() {
    }

    /** The node at {@code path} (String keys into maps, Integer indexes into lists), or null. */
    static Object at(Object root, Object... path) {
        Object node = root;
        for (Object step : path) {
            if (node instanceof Map<?, ?> map && step instanceof String key) {
                node = map.get(key);
            } else if (node instanceof List<?> list && step instanceof Integer i && i < list.size()) {
                node = list.get(i);
            } else {
                return null;
            }
        }
        return node;
    }

    /** The map at {@code path}, which must be there. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object root, Object... path) {
        Object node = at(root, path);
        if (!(node instanceof Map)) {
            throw new AssertionError("no map at " + List.of(path));
        }
        return (Map<String, Object>) node;
    }

    /** The list of maps at {@code path} (e.g. a pod's containers), empty when there is none. */
    static List<Map<String, Object>> maps(Object root, Object... path) {
        return list(root, path);
    }

    /** The list at {@code path}, empty when there is none. */
    @SuppressWarnings("unchecked")
    static <T> List<T> list(Object root, Object... path) {
        Object node = at(root, path);
        return node instanceof List ? (List<T>) node : List.of();
    }
}
